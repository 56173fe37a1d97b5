package io.automark.command.abtest;

import io.automark.events.execution.AbTestGoalsAchieved.GoalAchievement;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** Commands an execution takes for its AB tests. */
public final class AbTestCommands {

    private AbTestCommands() {
    }

    /** Records users who reached an AB test's goal; users recorded before are left out. */
    public record RecordAbTestGoals(@TargetAggregateIdentifier String executionId, String componentId,
                                    List<GoalAchievement> achievements, Instant now) {
    }

    /** Sets an AB test's winning group, once, from the inflow and goals the execution recorded. */
    public record DecideAbTest(@TargetAggregateIdentifier String executionId, String componentId, Instant now) {
    }
}
