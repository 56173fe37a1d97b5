package io.automark.command.channel;

import io.automark.command.audience.AudienceMember;
import io.automark.events.campaign.ComponentType;
import io.automark.events.campaign.FlowComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Reaches users through a vendor's HTTP JSON API: one POST per user to the provider the workspace configured for
 * the component's type ({@link ProviderSettingsStore}), with the provider's headers, {@code Idempotency-Key} and
 * the provider's body template filled for the user ({@link ProviderBody}).
 * <p>
 * Component configuration: {@code addressAttribute}, the user attribute the vendor needs (default {@code phone}
 * for TEXT_SMS and DIGITAL_SMS, none for the other types); a user without it is skipped with {@code NO_ADDRESS}.
 * The value reaches the vendor only through the template ({@code {{address}}} or the attribute's own name).
 * <p>
 * A 2xx answer is a success, a 4xx or a time-out a failure of the user; a 5xx answer and a connection error are
 * retried with back-off ({@code automark.providers.retry}), then fail as transport failures. A type with no
 * provider fails every user with {@code NO_PROVIDER} as a transport failure.
 */
@Component
public class HttpProviderChannel implements Channel, AutoCloseable {

    /** The channel types that go through an HTTP provider. */
    public static final Set<ComponentType> TYPES = Collections.unmodifiableSet(EnumSet.of(
            ComponentType.TEXT_SMS, ComponentType.DIGITAL_SMS, ComponentType.WECHAT_MESSAGE,
            ComponentType.TEMPLATE_MESSAGE, ComponentType.APP_PUSH, ComponentType.COUPON,
            ComponentType.SHOPPING_GUIDE_TASK));

    static final String NO_PROVIDER = "NO_PROVIDER";
    static final String NO_ADDRESS = "NO_ADDRESS";

    private static final Set<ComponentType> PHONE_TYPES = EnumSet.of(ComponentType.TEXT_SMS,
            ComponentType.DIGITAL_SMS);
    private static final Logger log = LoggerFactory.getLogger(HttpProviderChannel.class);

    private final ProviderSettingsStore providers;
    private final HttpDelivery delivery;

    public HttpProviderChannel(ProviderSettingsStore providers, ProviderProperties properties) {
        this.providers = providers;
        this.delivery = new HttpDelivery("providers", properties.retry(), properties.maxConcurrency());
    }

    @Override
    public Set<ComponentType> types() {
        return TYPES;
    }

    @Override
    public List<SendResult> send(SendBatch batch) {
        ComponentType type = batch.component().type();
        Optional<ProviderSettings> provider = providers.find(batch.context().workspaceId(), type);
        if (provider.isEmpty()) {
            log.warn("No provider for {} in workspace [{}]; component [{}] of execution [{}] sends nothing",
                    type, batch.context().workspaceId(), batch.component().id(), batch.context().executionId());
            return Collections.nCopies(batch.recipients().size(), SendResult.notSetUp(NO_PROVIDER));
        }

        String addressAttribute = addressAttributeOf(batch.component());
        log.debug("Sending {} users of component [{}] in execution [{}] through the {} provider",
                batch.recipients().size(), batch.component().id(), batch.context().executionId(), type);
        return delivery.sendAll(batch.recipients(),
                recipient -> post(batch, provider.get(), addressAttribute, recipient));
    }

    @Override
    public void close() {
        delivery.close();
    }

    private CompletableFuture<SendResult> post(SendBatch batch, ProviderSettings provider, String addressAttribute,
                                               AudienceMember recipient) {
        String address = addressAttribute == null ? null : recipient.attributes().get(addressAttribute);
        if (addressAttribute != null && (address == null || address.isBlank())) {
            return CompletableFuture.completedFuture(SendResult.skipped(NO_ADDRESS));
        }

        String body = ProviderBody.render(provider.bodyTemplate(), batch, recipient, address);
        List<Map.Entry<String, String>> headers = new ArrayList<>(2 + provider.headers().size());
        headers.add(Map.entry("Content-Type", "application/json"));
        headers.add(Map.entry("Idempotency-Key", batch.idempotencyKey(recipient)));
        headers.addAll(provider.headers().entrySet());
        return delivery.post(new PostRequest(URI.create(provider.url()), provider.timeout(), headers,
                body.getBytes(StandardCharsets.UTF_8)));
    }

    private static String addressAttributeOf(FlowComponent component) {
        Object configured = component.config().get("addressAttribute");
        if (configured instanceof String name && !name.isBlank()) {
            return name;
        }
        return PHONE_TYPES.contains(component.type()) ? "phone" : null;
    }
}
