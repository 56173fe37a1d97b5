package io.automark.events.execution;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * Users of an AB test did its goal event within the test window. Each user counts once per test.
 *
 * @param componentId the AB_TEST component
 */
@Revision("1")
public record AbTestGoalsAchieved(String executionId, String campaignId, String workspaceId, String componentId,
                                  List<GoalAchievement> achievements, Instant recordedAt) {

    public AbTestGoalsAchieved {
        achievements = List.copyOf(achievements);
    }

    /** One user reached the goal; {@code group} is the test group the user was put in. */
    public record GoalAchievement(String userId, String group) {
    }
}
