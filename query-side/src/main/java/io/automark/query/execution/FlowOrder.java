package io.automark.query.execution;

import io.automark.events.campaign.FlowComponent;
import io.automark.events.campaign.FlowDefinition;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Ranks a flow's components in topological order, so a user's route reads from the entry onwards. */
final class FlowOrder {

    private FlowOrder() {
    }

    /**
     * Ranks components so every edge leads from a lower rank to a higher one; components that are ready together
     * keep the flow's listing order. Should a flow hold a cycle, its components follow in listing order.
     */
    static Map<String, Integer> ranks(FlowDefinition flow) {
        Map<String, Integer> incoming = new HashMap<>();
        Set<String> pending = new LinkedHashSet<>();
        Map<String, Integer> ranks = new HashMap<>();

        flow.components().stream().map(FlowComponent::id).forEach(id -> {
            incoming.put(id, 0);
            pending.add(id);
        });
        flow.edges().forEach(edge -> incoming.computeIfPresent(edge.to(), (id, n) -> n + 1));

        while (!pending.isEmpty()) {
            String next = pending.stream()
                    .filter(id -> incoming.get(id) == 0)
                    .findFirst()
                    .orElse(pending.iterator().next());
            pending.remove(next);
            ranks.put(next, ranks.size());
            flow.edges().stream()
                    .filter(edge -> edge.from().equals(next))
                    .forEach(edge -> incoming.computeIfPresent(edge.to(), (id, n) -> n - 1));
        }
        return ranks;
    }
}
