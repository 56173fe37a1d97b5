package io.automark.command.component;

import io.automark.command.audience.AudienceMember;
import io.automark.command.waiting.Parking;
import io.automark.events.execution.UserOutcome;

import java.util.List;
import java.util.Map;

/**
 * What a component did with a batch.
 *
 * @param outcomes one per user, in the order the users came in
 * @param failure  why the component itself failed (the users then stop at it and the execution ends abnormally);
 *                 null when it ran
 * @param changed  the users as the component left them (a TAG adds tags), in the same order; null when it changed
 *                 nobody, so the next components see what this one saw
 * @param parked   for each user whose outcome is WAITING, what the user waits for; empty when nobody waits
 */
public record ComponentRun(List<UserOutcome> outcomes, String failure, List<AudienceMember> changed,
                           Map<String, Parking> parked) {

    public ComponentRun {
        parked = parked == null ? Map.of() : Map.copyOf(parked);
    }

    public ComponentRun(List<UserOutcome> outcomes, String failure, List<AudienceMember> changed) {
        this(outcomes, failure, changed, Map.of());
    }

    public ComponentRun(List<UserOutcome> outcomes, String failure) {
        this(outcomes, failure, null);
    }

    public static ComponentRun of(List<UserOutcome> outcomes) {
        return new ComponentRun(outcomes, null);
    }

    public boolean failed() {
        return failure != null;
    }
}
