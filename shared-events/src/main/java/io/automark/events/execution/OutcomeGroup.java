package io.automark.events.execution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The users of one batch who had the same outcome at one component.
 *
 * @param result  what happened to them
 * @param branch  the branch they left by; null when the component does not branch
 * @param reason  why their sends failed or were skipped; null otherwise
 * @param userIds their pseudonymous ids, each once, never contact details
 */
public record OutcomeGroup(UserResult result, String branch, String reason, List<String> userIds) {

    public OutcomeGroup {
        Objects.requireNonNull(result, "result");
        userIds = List.copyOf(userIds);
    }

    /** Groups outcomes by result, branch and reason, the groups in the order their first user came. */
    public static List<OutcomeGroup> of(List<UserOutcome> outcomes) {
        Map<List<Object>, List<String>> users = new LinkedHashMap<>();
        for (UserOutcome outcome : outcomes) {
            users.computeIfAbsent(keyOf(outcome), key -> new ArrayList<>()).add(outcome.userId());
        }

        List<OutcomeGroup> groups = new ArrayList<>(users.size());
        users.forEach((key, ids) -> groups.add(new OutcomeGroup((UserResult) key.get(0), (String) key.get(1),
                (String) key.get(2), ids)));
        return groups;
    }

    /** One record per user of the group, in the group's order. */
    public List<UserOutcome> outcomes() {
        List<UserOutcome> outcomes = new ArrayList<>(userIds.size());
        for (String userId : userIds) {
            outcomes.add(new UserOutcome(userId, result, branch, reason));
        }
        return outcomes;
    }

    private static List<Object> keyOf(UserOutcome outcome) {
        // A list, not a record of our own: branch and reason may be null, and List.of refuses nulls.
        List<Object> key = new ArrayList<>(3);
        key.add(outcome.result());
        key.add(outcome.branch());
        key.add(outcome.reason());
        return key;
    }
}
