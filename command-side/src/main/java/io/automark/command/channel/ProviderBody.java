package io.automark.command.channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.automark.command.audience.AudienceMember;

import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the body template of an HTTP provider for one user. Placeholders stand inside JSON strings and are
 * replaced by JSON-escaped text, so the body stays valid JSON whatever the values hold:
 * <ul>
 *     <li>{@code {{userId}}}, {@code {{idempotencyKey}}}, {@code {{executionId}}}, {@code {{campaignId}}},
 *     {@code {{componentId}}}, {@code {{workspaceId}}};</li>
 *     <li>{@code {{address}}}, the user's attribute named by the component's {@code addressAttribute};</li>
 *     <li>{@code {{config.key}}} (also {@code {{config.a.b}}} into nested maps), a value of the component's
 *     configuration (a flow's own values go under {@code params}: {@code {{config.params.name}}}); text there
 *     may itself hold {@code {{attribute}}} placeholders of the user, filled first;
 *     lists and maps are given as JSON text;</li>
 *     <li>any other name, the user's attribute of that name.</li>
 * </ul>
 * A missing value is empty.
 */
final class ProviderBody {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.-]+)\\s*}}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectReader STRICT = JSON.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final String CONFIG = "config.";

    private ProviderBody() {
    }

    /** Answers what is wrong with a template, or null when every filled body will be a JSON document. */
    static String problemOf(String template) {
        // Any text outside a JSON string breaks the document, so one sample value tells whether it can.
        String sample = fill(template, name -> "x");
        try {
            JsonNode document = STRICT.readTree(sample);
            return document == null || document.isMissingNode() ? "must be a JSON document" : null;
        } catch (JsonProcessingException e) {
            return "is not valid JSON once its placeholders are filled (put each placeholder inside a JSON string): "
                    + e.getOriginalMessage();
        }
    }

    static String render(String template, SendBatch batch, AudienceMember recipient, String address) {
        return fill(template, name -> valueOf(name, batch, recipient, address));
    }

    private static String fill(String template, UnaryOperator<String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder filled = new StringBuilder(template.length() + 64);
        while (matcher.find()) {
            String escaped = new String(JsonStringEncoder.getInstance().quoteAsString(values.apply(matcher.group(1))));
            matcher.appendReplacement(filled, Matcher.quoteReplacement(escaped));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    private static String valueOf(String name, SendBatch batch, AudienceMember recipient, String address) {
        return switch (name) {
            case "userId" -> recipient.userId();
            case "idempotencyKey" -> batch.idempotencyKey(recipient);
            case "executionId" -> batch.context().executionId();
            case "campaignId" -> batch.context().campaignId();
            case "workspaceId" -> batch.context().workspaceId();
            case "componentId" -> batch.component().id();
            case "address" -> address == null ? "" : address;
            default -> name.startsWith(CONFIG)
                    ? configValue(batch.component().config(), name.substring(CONFIG.length()), recipient)
                    : recipient.attributes().getOrDefault(name, "");
        };
    }

    private static String configValue(Map<String, Object> config, String path, AudienceMember recipient) {
        Object value = config;
        for (String key : path.split("\\.")) {
            value = value instanceof Map<?, ?> map ? map.get(key) : null;
        }
        if (value == null) {
            return "";
        }
        if (value instanceof String text) {
            return MessageTemplate.fill(text, recipient.userId(), recipient.attributes());
        }
        if (value instanceof Map<?, ?> || value instanceof Iterable<?>) {
            try {
                return JSON.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a flow's configuration is plain JSON and always serializes", e);
            }
        }
        return String.valueOf(value);
    }
}
