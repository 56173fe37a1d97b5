package io.automark.events.execution;

import io.automark.events.campaign.ComponentType;

import java.util.List;

/** The outcomes of one component for the users of one batch. */
public record ComponentOutcomes(String componentId, ComponentType type, List<UserOutcome> users) {

    public ComponentOutcomes {
        users = List.copyOf(users);
    }
}
