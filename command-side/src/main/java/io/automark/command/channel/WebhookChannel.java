package io.automark.command.channel;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.automark.command.audience.AudienceMember;
import io.automark.events.campaign.ComponentType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Posts a JSON document per user to an HTTP endpoint. Configuration: {@code url}, {@code timeoutMs} (default
 * {@code automark.webhook.default-timeout}) and {@code secretRef}, the name of a secret under
 * {@code automark.webhook.secrets} to sign each body with: {@code X-Automark-Signature: sha256=<hex HMAC-SHA256>}.
 * A 2xx answer is a success, a 4xx or a time-out a failure of the user; a 5xx answer and a connection error are
 * retried with back-off ({@code automark.webhook.retry}), then fail as transport failures. Requests run
 * concurrently, up to {@code automark.webhook.max-concurrency} for the channel as a whole.
 */
@Component
public class WebhookChannel implements Channel, AutoCloseable {

    static final String SIGNATURE_HEADER = "X-Automark-Signature";
    static final String UNKNOWN_SECRET = "UNKNOWN_SECRET_REF";
    static final String INVALID_URL = "INVALID_URL";

    private static final Logger log = LoggerFactory.getLogger(WebhookChannel.class);

    private final HttpDelivery delivery;
    private final ObjectMapper json;
    private final Clock clock;
    private final WebhookProperties properties;

    public WebhookChannel(ObjectMapper json, Clock clock, WebhookProperties properties) {
        this.delivery = new HttpDelivery("webhook", properties.retry(), properties.maxConcurrency());
        this.json = json;
        this.clock = clock;
        this.properties = properties;
    }

    @Override
    public Set<ComponentType> types() {
        return Set.of(ComponentType.WEBHOOK);
    }

    @Override
    public List<SendResult> send(SendBatch batch) {
        URI url = urlOf(batch.component().config());
        if (url == null) {
            // The flow validator refuses such a component; this keeps a stored older flow from throwing.
            return Collections.nCopies(batch.recipients().size(), SendResult.notSetUp(INVALID_URL));
        }
        Object secretRef = batch.component().config().get("secretRef");
        String secret = secretRef == null ? null : properties.secrets().get(String.valueOf(secretRef));
        if (secretRef != null && secret == null) {
            log.warn("Component [{}] of execution [{}] names secret '{}', which is not configured; nothing sent",
                    batch.component().id(), batch.context().executionId(), secretRef);
            return Collections.nCopies(batch.recipients().size(), SendResult.notSetUp(UNKNOWN_SECRET));
        }

        return delivery.sendAll(batch.recipients(), recipient -> post(batch, url, recipient, secret));
    }

    @Override
    public void close() {
        delivery.close();
    }

    private CompletableFuture<SendResult> post(SendBatch batch, URI url, AudienceMember recipient, String secret) {
        byte[] body = SendDocument.of(json, batch, recipient, clock.instant());
        List<Map.Entry<String, String>> headers = new ArrayList<>(4);
        headers.add(Map.entry("Content-Type", "application/json"));
        headers.add(Map.entry("Idempotency-Key", batch.idempotencyKey(recipient)));
        headers.add(Map.entry(EmailChannel.EXECUTION_HEADER, batch.context().executionId()));
        if (secret != null) {
            headers.add(Map.entry(SIGNATURE_HEADER, "sha256=" + hmacSha256(secret, body)));
        }

        return delivery.post(new PostRequest(url, timeoutOf(batch.component().config()), headers, body));
    }

    private static URI urlOf(Map<String, Object> config) {
        Object url = config.get("url");
        return url instanceof String text && ProviderSettings.isHttpUrl(text) ? URI.create(text) : null;
    }

    private Duration timeoutOf(Map<String, Object> config) {
        Object timeout = config.get("timeoutMs");
        return timeout instanceof Number ms ? Duration.ofMillis(ms.longValue()) : properties.defaultTimeout();
    }

    static String hmacSha256(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM ships HmacSHA256", e);
        }
    }
}
