package io.automark.command.component;

import io.automark.events.execution.UserOutcome;
import io.automark.events.execution.UserResult;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the components of a batch did so far, for components that judge on an earlier one's result. */
public final class BatchOutcomes {

    private final Map<String, Map<String, UserResult>> byComponent = new HashMap<>();

    public void add(String componentId, List<UserOutcome> outcomes) {
        Map<String, UserResult> results = byComponent.computeIfAbsent(componentId, id -> new HashMap<>());
        outcomes.forEach(outcome -> results.put(outcome.userId(), outcome.result()));
    }

    public Optional<UserResult> resultOf(String componentId, String userId) {
        return Optional.ofNullable(byComponent.getOrDefault(componentId, Map.of()).get(userId));
    }
}
