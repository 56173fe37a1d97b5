package io.automark.events.execution;

import io.automark.events.campaign.ComponentType;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcomes of one component for the users of one batch. The users come grouped by outcome, so that a batch's
 * event names each user once per component instead of carrying a record per user: a run over a million users
 * writes a few hundred megabytes less, and every reader of the stream decodes that much less.
 *
 * @param groups  the users by outcome, in the order their outcomes first occurred. Never null.
 * @param resumed whether these users had been WAITING at the component and now leave it: they entered it in an
 *                earlier batch, so they count once as entered and no longer as waiting. Absent (false) in events
 *                written before waits existed. Never null.
 * @param users   only in events written before the groups existed (revisions 1 and 2 of
 *                {@link ExecutionBatchRecorded}): one record per user, which is read into {@code groups}. Always
 *                empty here, and deprecated so that the compiler flags a reader who meant {@link #outcomes()},
 *                one record per user.
 */
public record ComponentOutcomes(String componentId, ComponentType type, List<OutcomeGroup> groups, Boolean resumed,
                                @Deprecated List<UserOutcome> users) {

    public ComponentOutcomes {
        boolean written = users != null && !users.isEmpty();
        groups = groups != null ? List.copyOf(groups) : written ? OutcomeGroup.of(users) : List.of();
        // Boxed, so that events written before the field existed read as not resumed under strict Jackson settings.
        resumed = Boolean.TRUE.equals(resumed);
        users = List.of();
    }

    public ComponentOutcomes(String componentId, ComponentType type, List<UserOutcome> outcomes, boolean resumed) {
        this(componentId, type, OutcomeGroup.of(outcomes), resumed, List.of());
    }

    public ComponentOutcomes(String componentId, ComponentType type, List<UserOutcome> outcomes) {
        this(componentId, type, outcomes, false);
    }

    /** One record per user, group after group. */
    public List<UserOutcome> outcomes() {
        List<UserOutcome> outcomes = new ArrayList<>(size());
        groups.forEach(group -> outcomes.addAll(group.outcomes()));
        return outcomes;
    }

    /** How many users the component had in the batch. */
    public int size() {
        return groups.stream().mapToInt(group -> group.userIds().size()).sum();
    }
}
