package io.automark.command.waiting;

import java.util.List;
import java.util.Map;

/**
 * The event that ends a user's wait: its type, and for each named property the values it may have (for a
 * WAIT_UNTIL the same order id as the entry event, for a RESULT_JUDGMENT the send's key and a wanted result).
 */
public record EventMatch(String eventType, Map<String, List<String>> properties) {

    public EventMatch {
        properties = Map.copyOf(properties);
    }

    public boolean matches(String type, Map<String, String> eventProperties) {
        if (!eventType.equals(type)) {
            return false;
        }
        return properties.entrySet().stream()
                .allMatch(wanted -> wanted.getValue().contains(eventProperties.get(wanted.getKey())));
    }
}
