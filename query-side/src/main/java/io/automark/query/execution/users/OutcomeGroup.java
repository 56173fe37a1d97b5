package io.automark.query.execution.users;

import io.automark.events.execution.UserResult;
import org.bson.Document;

import java.util.List;

/**
 * The users of one batch with one and the same outcome at one component, as {@link UserBatch} stores it.
 *
 * @param branch  null when the component does not branch
 * @param reason  null unless a send failed or was skipped
 * @param users   the users listed with this outcome, in the order the batch named them
 * @param resumed users who waited here and whose wait ended in a later batch: part of their route, no longer
 *                listed (never null; absent from a projection that leaves it out)
 */
record OutcomeGroup(UserResult result, String branch, String reason, List<String> users, List<String> resumed) {

    static final String RESULT = "result";
    static final String BRANCH = "branch";
    static final String REASON = "reason";
    static final String USERS = "users";
    static final String RESUMED = "resumed";

    static OutcomeGroup of(Document group) {
        return new OutcomeGroup(UserResult.valueOf(group.getString(RESULT)), group.getString(BRANCH),
                group.getString(REASON), group.getList(USERS, String.class, List.of()),
                group.getList(RESUMED, String.class, List.of()));
    }

    /** The group as stored; a fresh group has no {@code resumed} yet, and absent fields cost nothing. */
    Document toDocument() {
        Document group = new Document(RESULT, result.name());

        if (branch != null) {
            group.append(BRANCH, branch);
        }
        if (reason != null) {
            group.append(REASON, reason);
        }
        return group.append(USERS, users);
    }

    /** Whether the user met this outcome, listed or since resumed. */
    boolean holds(String userId) {
        return users.contains(userId) || resumed.contains(userId);
    }
}
