package io.automark.command.channel;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.automark.command.channel.ProviderSettings.Source;
import io.automark.command.common.Problem;
import io.automark.events.campaign.ComponentType;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP providers of each workspace, one document per workspace and channel type in {@code channel_providers}
 * ({@code _id} is {@code workspaceId:TYPE}), over the deployment-wide ones of {@code automark.providers.defaults}.
 * Header values are stored as given, so the store must be protected like any other holder of credentials; they
 * are never part of an event.
 */
@Repository
public class ProviderSettingsStore {

    static final String COLLECTION = "channel_providers";

    private final MongoCollection<Document> providers;
    private final Map<ComponentType, ProviderSettings> defaults = new EnumMap<>(ComponentType.class);

    /**
     * @throws IllegalStateException when a deployment-wide provider is invalid or is for a type without providers,
     *                               so that a misconfigured deployment does not start
     */
    public ProviderSettingsStore(MongoTemplate mongo, ProviderProperties properties) {
        this.providers = mongo.getCollection(COLLECTION);
        properties.defaults().forEach((type, given) -> defaults.put(type, checked(type, given, properties)));
    }

    /** Saves the workspace's provider of the settings' type, replacing the one it had. */
    public void save(String workspaceId, ProviderSettings settings, String actor, Instant now) {
        List<Document> headers = new ArrayList<>();
        settings.headers().forEach((name, value) -> headers.add(new Document("name", name).append("value", value)));
        Document document = new Document("_id", idOf(workspaceId, settings.type()))
                .append("workspaceId", workspaceId)
                .append("type", settings.type().name())
                .append("url", settings.url())
                .append("headers", headers)
                .append("bodyTemplate", settings.bodyTemplate())
                .append("timeoutMs", settings.timeout().toMillis())
                .append("updatedBy", actor)
                .append("updatedAt", Date.from(now));

        providers.replaceOne(Filters.eq("_id", document.getString("_id")), document,
                new ReplaceOptions().upsert(true));
    }

    /** Removes the workspace's own provider of a type; answers false when it had none. */
    public boolean delete(String workspaceId, ComponentType type) {
        return providers.deleteOne(Filters.eq("_id", idOf(workspaceId, type))).getDeletedCount() > 0;
    }

    /** The workspace's own provider of a type, else the deployment's, else empty. */
    public Optional<ProviderSettings> find(String workspaceId, ComponentType type) {
        Document found = providers.find(Filters.eq("_id", idOf(workspaceId, type))).first();
        if (found == null) {
            return Optional.ofNullable(defaults.get(type));
        }

        Map<String, String> headers = new LinkedHashMap<>();
        for (Document header : found.getList("headers", Document.class, List.of())) {
            headers.put(header.getString("name"), header.getString("value"));
        }
        return Optional.of(new ProviderSettings(type, found.getString("url"), headers,
                found.getString("bodyTemplate"), Duration.ofMillis(found.get("timeoutMs", Number.class).longValue()),
                Source.WORKSPACE));
    }

    private static String idOf(String workspaceId, ComponentType type) {
        return workspaceId + ":" + type.name();
    }

    private static ProviderSettings checked(ComponentType type, ProviderProperties.Default given,
                                            ProviderProperties properties) {
        if (!HttpProviderChannel.TYPES.contains(type)) {
            throw new IllegalStateException("automark.providers.defaults: " + type + " has no HTTP provider; "
                    + "the types are " + HttpProviderChannel.TYPES);
        }
        Duration timeout = given.timeout() == null ? properties.defaultTimeout() : given.timeout();
        List<Problem> problems = ProviderSettings.problemsOf(given.url(), given.headers(), given.bodyTemplate(),
                timeout.toMillis());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("automark.providers.defaults." + type + " is invalid: " + problems);
        }
        return new ProviderSettings(type, given.url(), given.headers(), given.bodyTemplate(), timeout,
                Source.DEPLOYMENT);
    }
}
