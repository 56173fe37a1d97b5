package io.automark.events.campaign;

import java.util.List;

/** A campaign's flow: components and the edges between them. Lists are never null. */
public record FlowDefinition(List<FlowComponent> components, List<FlowEdge> edges) {

    public FlowDefinition {
        components = components == null ? List.of() : List.copyOf(components);
        edges = edges == null ? List.of() : List.copyOf(edges);
    }
}
