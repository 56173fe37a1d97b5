package io.automark.events.campaign;

import java.util.Map;

/**
 * One component of a flow.
 *
 * @param id     unique within its flow, chosen by the client
 * @param type   what the component does
 * @param config the type's configuration as plain JSON values (strings, numbers, booleans, lists and maps);
 *               never null, empty when the type needs none
 */
public record FlowComponent(String id, ComponentType type, Map<String, Object> config) {

    public FlowComponent {
        config = config == null ? Map.of() : Map.copyOf(config);
    }
}
