package io.automark.command.flow;

import io.automark.command.common.InvalidInputException;
import io.automark.command.common.Problem;
import io.automark.events.campaign.ComponentType;
import io.automark.events.campaign.FlowComponent;
import io.automark.events.campaign.FlowDefinition;
import io.automark.events.campaign.FlowEdge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks that a flow can run: one entry, a directed acyclic graph, known types, the configuration each type needs,
 * and edges that name existing components and valid branches. It lists every problem, not just the first.
 */
public final class FlowValidator {

    private static final Pattern COMPONENT_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final int MAX_COMPONENTS = 200;

    private FlowValidator() {
    }

    /** Throws {@link InvalidInputException} listing every problem when the flow cannot run. */
    public static void check(FlowDefinition flow) {
        List<Problem> problems = problemsOf(flow);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    public static List<Problem> problemsOf(FlowDefinition flow) {
        List<Problem> problems = new ArrayList<>();
        if (flow == null || flow.components().isEmpty()) {
            problems.add(new Problem("flow.components", "a flow needs at least its entry component"));
            return problems;
        }
        if (flow.components().size() > MAX_COMPONENTS) {
            problems.add(new Problem("flow.components", "a flow holds at most " + MAX_COMPONENTS + " components"));
            return problems;
        }

        Map<String, FlowComponent> byId = checkComponents(flow.components(), problems);
        checkEntry(flow, problems);
        checkEdges(flow.edges(), byId, problems);
        if (problems.isEmpty()) {
            checkGraph(flow, problems);
        }
        if (problems.isEmpty()) {
            checkReferences(flow, problems);
        }
        return problems;
    }

    /**
     * Rules between components: a RESULT_JUDGMENT judges a send its users passed before, and a TAG needs users from
     * an audience, which a behaviour-event entry does not give (its users would go no further than the TAG).
     */
    private static void checkReferences(FlowDefinition flow, List<Problem> problems) {
        FlowGraph graph = FlowGraph.of(flow);
        boolean behaviorEntry = graph.entry().map(entry -> entry.type() == ComponentType.BEHAVIOR_EVENT)
                .orElse(false);
        for (int i = 0; i < flow.components().size(); i++) {
            FlowComponent component = flow.components().get(i);
            String path = "flow.components[" + i + "]";
            if (component.type() == ComponentType.TAG && behaviorEntry) {
                problems.add(new Problem(path + ".type", "TAG writes to the audience store; users let in by a "
                        + "BEHAVIOR_EVENT entry come from no audience"));
            }
            if (component.type() == ComponentType.RESULT_JUDGMENT) {
                checkJudgedSend(graph, component, path + ".config.componentId", problems);
            }
        }
    }

    private static void checkJudgedSend(FlowGraph graph, FlowComponent judgment, String path, List<Problem> problems) {
        Object judged = judgment.config().get("componentId");
        FlowComponent send = judged instanceof String id ? graph.component(id) : null;
        if (send == null || send.type() == null || !send.type().isChannel()) {
            problems.add(new Problem(path, "must name a sending component of the flow; got " + judged));
        } else if (!graph.reachableFrom(send.id()).contains(judgment.id())) {
            problems.add(new Problem(path, "'" + send.id() + "' must come before '" + judgment.id() + "'"));
        }
    }

    private static Map<String, FlowComponent> checkComponents(List<FlowComponent> components, List<Problem> problems) {
        Map<String, FlowComponent> byId = new HashMap<>();
        for (int i = 0; i < components.size(); i++) {
            FlowComponent component = components.get(i);
            String path = "flow.components[" + i + "]";
            if (component == null) {
                problems.add(new Problem(path, "must not be null"));
                continue;
            }
            if (component.id() == null || !COMPONENT_ID.matcher(component.id()).matches()) {
                problems.add(new Problem(path + ".id", "must be 1 to 64 letters, digits, '_', '-' or '.'"));
            } else if (byId.putIfAbsent(component.id(), component) != null) {
                problems.add(new Problem(path + ".id", "duplicate component id '" + component.id() + "'"));
            }
            if (component.type() == null) {
                problems.add(new Problem(path + ".type", "must be one of the component types"));
            } else {
                ComponentConfigRules.check(component, path + ".config", problems);
            }
        }
        return byId;
    }

    private static void checkEntry(FlowDefinition flow, List<Problem> problems) {
        long entries = flow.components().stream()
                .filter(component -> component != null && component.type() != null && component.type().isEntry())
                .count();
        if (entries != 1) {
            problems.add(new Problem("flow.components",
                    "a flow has exactly one entry (TARGET_AUDIENCE or BEHAVIOR_EVENT); found " + entries));
        }
    }

    private static void checkEdges(List<FlowEdge> edges, Map<String, FlowComponent> byId, List<Problem> problems) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < edges.size(); i++) {
            FlowEdge edge = edges.get(i);
            String path = "flow.edges[" + i + "]";
            if (edge == null) {
                problems.add(new Problem(path, "must not be null"));
                continue;
            }
            FlowComponent from = byId.get(edge.from());
            FlowComponent to = byId.get(edge.to());
            if (from == null) {
                problems.add(new Problem(path + ".from", "names no component of the flow: '" + edge.from() + "'"));
            }
            if (to == null) {
                problems.add(new Problem(path + ".to", "names no component of the flow: '" + edge.to() + "'"));
            } else if (to.type() != null && to.type().isEntry()) {
                problems.add(new Problem(path + ".to", "an entry component cannot have incoming edges"));
            }
            if (from != null && from.type() != null) {
                checkBranch(from, edge.branch(), path + ".branch", problems);
            }
            if (edge.from() != null && edge.from().equals(edge.to())) {
                problems.add(new Problem(path, "a component cannot lead to itself"));
            }
            if (!seen.add(edge.from() + "\u0000" + edge.to() + "\u0000" + edge.branch())) {
                problems.add(new Problem(path, "duplicate edge"));
            }
        }
    }

    private static void checkBranch(FlowComponent from, String branch, String path, List<Problem> problems) {
        Set<String> branches = ComponentConfigRules.branchesOf(from);
        if (branches.isEmpty() && branch != null) {
            problems.add(new Problem(path, from.type() + " does not branch; leave the branch out"));
        } else if (!branches.isEmpty() && (branch == null || !branches.contains(branch))) {
            problems.add(new Problem(path, "'" + from.id() + "' leaves by one of " + branches + "; got " + branch));
        }
    }

    private static void checkGraph(FlowDefinition flow, List<Problem> problems) {
        FlowGraph graph = FlowGraph.of(flow);
        if (graph.hasCycle()) {
            problems.add(new Problem("flow.edges", "the flow must not contain a cycle"));
            return;
        }
        for (String unreachable : graph.unreachableFromEntry()) {
            problems.add(new Problem("flow.components", "'" + unreachable + "' cannot be reached from the entry"));
        }
    }
}
