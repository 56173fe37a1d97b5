package io.automark.command.behavior;

import java.time.Instant;
import java.util.Map;

/**
 * Something a user did, as a client reports it.
 *
 * @param properties plain JSON values describing the event (an order id, an amount); never null
 */
public record BehaviorEvent(String userId, String type, Instant occurredAt, Map<String, Object> properties) {

    public BehaviorEvent {
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }
}
