package io.automark.ops.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The engine benchmark's campaign: the audience enters, users with a score of 50 or more go on "yes" to a 50/50
 * split whose group A is tagged, and everyone else (the "no" branch and group B) reaches a GENERATE_AUDIENCE. So
 * both branches of the judgment and of the grouping get users, and every user ends in the tag or in the new
 * audience.
 */
final class EngineFlow {

    static final String ENTRY = "in";

    static final String JUDGMENT = "judge";

    static final String GROUPING = "split";

    static final String TAG = "tag";

    static final String GENERATE = "generate";

    private EngineFlow() {
    }

    static ObjectNode body(ObjectMapper json, String name, String audienceId) {
        ObjectNode campaign = json.createObjectNode()
                .put("name", name)
                .put("description", "engine benchmark: judgment, split, tag and generated audience");
        ObjectNode flow = campaign.putObject("flow");
        ArrayNode components = flow.putArray("components");

        component(components, ENTRY, "TARGET_AUDIENCE").put("audienceId", audienceId);
        ObjectNode judgment = component(components, JUDGMENT, "TAG_JUDGMENT").put("match", "ALL");
        judgment.putArray("conditions").addObject()
                .put("attribute", "score")
                .put("operator", "GTE")
                .put("value", String.valueOf(SyntheticAudience.YES_FROM));
        ArrayNode groups = component(components, GROUPING, "RANDOM_GROUPING").putArray("groups");
        groups.addObject().put("name", "A").put("percent", 50);
        groups.addObject().put("name", "B").put("percent", 50);
        component(components, TAG, "TAG").putArray("tags").add("bench-tagged");
        component(components, GENERATE, "GENERATE_AUDIENCE").put("name", name + " generated");

        ArrayNode edges = flow.putArray("edges");
        edge(edges, ENTRY, JUDGMENT, null);
        edge(edges, JUDGMENT, GROUPING, "yes");
        edge(edges, JUDGMENT, GENERATE, "no");
        edge(edges, GROUPING, TAG, "A");
        edge(edges, GROUPING, GENERATE, "B");
        return campaign;
    }

    /**
     * What is wrong with an execution's figures for an audience of {@code users}, of whom {@code yes} pass the
     * judgment; empty when every entered total adds up.
     */
    static List<String> problems(JsonNode execution, long users, long yes) {
        List<String> problems = new ArrayList<>();
        long entered = entered(execution, ENTRY);
        long judged = entered(execution, JUDGMENT);
        long split = entered(execution, GROUPING);
        long tagged = entered(execution, TAG);
        long generated = entered(execution, GENERATE);

        expect(problems, "entered " + ENTRY, entered, users);
        expect(problems, "entered " + JUDGMENT, judged, users);
        expect(problems, "entered " + GROUPING + " (the judgment's yes)", split, yes);
        expect(problems, "entered " + TAG + " + " + GENERATE, tagged + generated, users);
        expect(problems, JUDGMENT + " no", branch(execution, JUDGMENT, "no"), users - yes);
        expect(problems, GROUPING + " A + B", branch(execution, GROUPING, "A") + branch(execution, GROUPING, "B"),
                split);
        expect(problems, "entered " + TAG + " (group A)", tagged, branch(execution, GROUPING, "A"));
        return problems;
    }

    static long branch(JsonNode execution, String componentId, String branch) {
        return component(execution, componentId).path("branches").path(branch).asLong(0);
    }

    static long entered(JsonNode execution, String componentId) {
        return component(execution, componentId).path("entered").asLong(0);
    }

    static JsonNode component(JsonNode execution, String componentId) {
        for (JsonNode component : execution.path("components")) {
            if (componentId.equals(component.path("componentId").asText())) {
                return component;
            }
        }
        return MissingNode.getInstance();
    }

    private static void expect(List<String> problems, String figure, long actual, long expected) {
        if (actual != expected) {
            problems.add(String.format("%s is %,d, not %,d", figure, actual, expected));
        }
    }

    private static ObjectNode component(ArrayNode components, String id, String type) {
        return components.addObject()
                .put("id", id)
                .put("type", type)
                .putObject("config");
    }

    private static void edge(ArrayNode edges, String from, String to, String branch) {
        ObjectNode edge = edges.addObject().put("from", from).put("to", to);
        if (branch != null) {
            edge.put("branch", branch);
        }
    }
}
