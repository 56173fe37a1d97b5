package io.automark.command.behavior;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Something a user did, as a client reports it.
 *
 * @param properties plain JSON values describing the event (an order id, an amount); never null
 */
public record BehaviorEvent(String userId, String type, Instant occurredAt, Map<String, Object> properties) {

    public BehaviorEvent {
        Map<String, Object> present = new HashMap<>();
        if (properties != null) {
            properties.forEach((key, value) -> {
                if (key != null && value != null) {
                    present.put(key, value);
                }
            });
        }
        properties = Map.copyOf(present);
    }
}
