package io.automark.command.flow;

import io.automark.events.campaign.FlowComponent;
import io.automark.events.campaign.FlowDefinition;
import io.automark.events.campaign.FlowEdge;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A flow seen as a graph: the entry, the order to visit components in, and where each outcome leads. */
public final class FlowGraph {

    private final Map<String, FlowComponent> components = new LinkedHashMap<>();
    private final Map<String, List<FlowEdge>> outgoing = new HashMap<>();
    private final Map<String, Integer> incoming = new HashMap<>();

    private FlowGraph(FlowDefinition flow) {
        flow.components().forEach(component -> components.put(component.id(), component));
        for (FlowEdge edge : flow.edges()) {
            outgoing.computeIfAbsent(edge.from(), id -> new ArrayList<>()).add(edge);
            incoming.merge(edge.to(), 1, Integer::sum);
        }
    }

    public static FlowGraph of(FlowDefinition flow) {
        return new FlowGraph(flow);
    }

    public Optional<FlowComponent> entry() {
        return components.values().stream()
                .filter(component -> component.type().isEntry())
                .findFirst();
    }

    public FlowComponent component(String id) {
        return components.get(id);
    }

    /** The components that the users leaving {@code componentId} by {@code branch} go on to. */
    public List<String> next(String componentId, String branch) {
        List<String> targets = new ArrayList<>();
        for (FlowEdge edge : outgoing.getOrDefault(componentId, List.of())) {
            if (edge.branch() == null || edge.branch().equals(branch)) {
                targets.add(edge.to());
            }
        }
        return targets;
    }

    /** Components in an order where every component comes after all that lead to it (Kahn's algorithm). */
    public List<FlowComponent> topologicalOrder() {
        Map<String, Integer> remaining = new HashMap<>(incoming);
        Deque<String> ready = new ArrayDeque<>();
        components.keySet().stream()
                .filter(id -> remaining.getOrDefault(id, 0) == 0)
                .forEach(ready::add);

        List<FlowComponent> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            String id = ready.poll();
            order.add(components.get(id));
            for (FlowEdge edge : outgoing.getOrDefault(id, List.of())) {
                if (remaining.merge(edge.to(), -1, Integer::sum) == 0) {
                    ready.add(edge.to());
                }
            }
        }
        return order;
    }

    public boolean hasCycle() {
        return topologicalOrder().size() < components.size();
    }

    public Set<String> unreachableFromEntry() {
        Set<String> reached = new LinkedHashSet<>();
        entry().ifPresent(entry -> visit(entry.id(), reached));

        Set<String> unreachable = new LinkedHashSet<>(components.keySet());
        unreachable.removeAll(reached);
        return unreachable;
    }

    /** The components a user can reach after {@code componentId}, not counting itself. */
    public Set<String> reachableFrom(String componentId) {
        Set<String> reached = new LinkedHashSet<>();
        visit(componentId, reached);
        reached.remove(componentId);
        return reached;
    }

    private void visit(String id, Set<String> reached) {
        if (reached.add(id)) {
            outgoing.getOrDefault(id, List.of()).forEach(edge -> visit(edge.to(), reached));
        }
    }
}
