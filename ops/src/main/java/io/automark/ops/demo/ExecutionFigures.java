package io.automark.ops.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/** Reads the figures out of an execution document of {@code GET …/executions/{id}}. */
final class ExecutionFigures {

    private final JsonNode execution;

    ExecutionFigures(JsonNode execution) {
        this.execution = execution;
    }

    String status() {
        return execution.path("status").asText(null);
    }

    /** A top-level figure such as {@code processedUsers}; null when absent. */
    Long figure(String name) {
        return number(execution.path(name));
    }

    /** A component's figure such as {@code entered} or {@code sent}; null when absent. */
    Long figure(String componentId, String name) {
        return number(component(componentId).path(name));
    }

    /** How many users left a component by one branch; null when the component reports no branches. */
    Long branch(String componentId, String branch) {
        JsonNode branches = component(componentId).path("branches");
        if (!branches.isObject()) {
            return null;
        }
        return branches.has(branch) ? number(branches.path(branch)) : Long.valueOf(0);
    }

    /** The sum of two figures; null when either is absent. */
    static Long sum(Long left, Long right) {
        return left == null || right == null ? null : left + right;
    }

    JsonNode component(String componentId) {
        for (JsonNode component : execution.path("components")) {
            if (componentId.equals(component.path("componentId").asText())) {
                return component;
            }
        }
        return MissingNode.getInstance();
    }

    private static Long number(JsonNode node) {
        return node.isNumber() ? Long.valueOf(node.asLong()) : null;
    }
}
