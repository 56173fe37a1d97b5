package io.automark.events.execution;

import io.automark.events.campaign.ComponentType;

import java.util.List;

/**
 * The outcomes of one component for the users of one batch.
 *
 * @param resumed whether these users had been WAITING at the component and now leave it: they entered it in an
 *                earlier batch, so they count once as entered and no longer as waiting. Absent (false) in events
 *                written before waits existed. Never null.
 */
public record ComponentOutcomes(String componentId, ComponentType type, List<UserOutcome> users, Boolean resumed) {

    public ComponentOutcomes {
        users = List.copyOf(users);
        // Boxed, so that events written before the field existed read as not resumed under strict Jackson settings.
        resumed = Boolean.TRUE.equals(resumed);
    }

    public ComponentOutcomes(String componentId, ComponentType type, List<UserOutcome> users) {
        this(componentId, type, users, false);
    }
}
