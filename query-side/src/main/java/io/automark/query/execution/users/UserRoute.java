package io.automark.query.execution.users;

import io.automark.events.campaign.ComponentType;
import io.automark.events.execution.UserResult;

import java.time.Instant;
import java.util.List;

/** The components one user passed through in one execution, in the order they met them. */
public record UserRoute(String executionId, String userId, List<Step> steps) {

    /** One component on the route with what it did with the user. */
    public record Step(String componentId, ComponentType type, UserResult result, String branch, String reason,
                       Instant at) {
    }
}
