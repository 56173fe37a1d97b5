package io.automark.command.component;

import io.automark.events.execution.UserOutcome;
import io.automark.events.execution.UserResult;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the components did so far with the users of a batch, for components that judge on an earlier one's result.
 * Users who waited come with the results they had before the wait.
 */
public final class BatchOutcomes {

    private final Map<String, Map<String, UserResult>> byComponent = new HashMap<>();

    public void add(String componentId, List<UserOutcome> outcomes) {
        Map<String, UserResult> results = byComponent.computeIfAbsent(componentId, id -> new HashMap<>());
        outcomes.forEach(outcome -> results.put(outcome.userId(), outcome.result()));
    }

    /** Adds what a user did before a wait. */
    public void addEarlier(String userId, Map<String, UserResult> earlier) {
        earlier.forEach((componentId, result) ->
                byComponent.computeIfAbsent(componentId, id -> new HashMap<>()).put(userId, result));
    }

    public Optional<UserResult> resultOf(String componentId, String userId) {
        return Optional.ofNullable(byComponent.getOrDefault(componentId, Map.of()).get(userId));
    }

    /** A user's results at every component so far, to keep while the user waits. */
    public Map<String, UserResult> of(String userId) {
        Map<String, UserResult> results = new HashMap<>();
        byComponent.forEach((componentId, users) -> {
            UserResult result = users.get(userId);
            if (result != null) {
                results.put(componentId, result);
            }
        });
        return results;
    }
}
