package io.automark.command.component;

import io.automark.events.execution.UserOutcome;

import java.util.List;

/**
 * What a component did with a batch.
 *
 * @param outcomes one per user, in the order the users came in
 * @param failure  why the component itself failed (the users then stop at it and the execution ends abnormally);
 *                 null when it ran
 */
public record ComponentRun(List<UserOutcome> outcomes, String failure) {

    public static ComponentRun of(List<UserOutcome> outcomes) {
        return new ComponentRun(outcomes, null);
    }

    public boolean failed() {
        return failure != null;
    }
}
