package io.automark.ops.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.ArrayList;
import java.util.List;

/** Reads a user's route of {@code GET …/executions/{id}/users/{userId}/route}: the steps it took, in order. */
final class Routes {

    private static final List<String> STEP_LISTS = List.of("steps", "route", "components", "items");

    private Routes() {
    }

    static boolean reaches(JsonNode route, String componentId) {
        for (JsonNode step : steps(route)) {
            if (componentId.equals(step.path("componentId").asText())) {
                return true;
            }
        }
        return false;
    }

    /** One line: {@code audience PASSED -> newbie NOT_PASSED (no) -> hook SUCCESS}. */
    static String describe(JsonNode route) {
        List<String> parts = new ArrayList<>();

        for (JsonNode step : steps(route)) {
            String branch = step.path("branch").asText("");
            parts.add(step.path("componentId").asText("?") + " " + step.path("result").asText("?")
                    + (branch.isEmpty() ? "" : " (" + branch + ")"));
        }

        return parts.isEmpty() ? route.toString() : String.join(" -> ", parts);
    }

    private static JsonNode steps(JsonNode route) {
        if (route.isArray()) {
            return route;
        }
        for (String name : STEP_LISTS) {
            if (route.path(name).isArray()) {
                return route.path(name);
            }
        }
        return MissingNode.getInstance();
    }
}
