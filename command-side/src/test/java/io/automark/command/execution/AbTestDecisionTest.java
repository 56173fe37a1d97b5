package io.automark.command.execution;

import io.automark.command.abtest.AbTestCommands.DecideAbTest;
import io.automark.command.abtest.AbTestCommands.RecordAbTestGoals;
import io.automark.events.campaign.ComponentType;
import io.automark.events.campaign.FlowComponent;
import io.automark.events.campaign.FlowDefinition;
import io.automark.events.campaign.FlowEdge;
import io.automark.events.execution.AbTestDecided;
import io.automark.events.execution.AbTestGoalsAchieved;
import io.automark.events.execution.AbTestGoalsAchieved.GoalAchievement;
import io.automark.events.execution.ComponentOutcomes;
import io.automark.events.execution.ExecutionBatchRecorded;
import io.automark.events.execution.ExecutionFinished;
import io.automark.events.execution.ExecutionStarted;
import io.automark.events.execution.ExecutionStatus;
import io.automark.events.execution.UserOutcome;
import io.automark.events.execution.UserResult;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The execution's rules for AB test goals and the winning group. */
class AbTestDecisionTest {

    private static final String ID = "e-ab";
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    private FixtureConfiguration<Execution> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Execution.class);
    }

    @Test
    void recordsEachUsersGoalOnceEvenAfterTheRunEnded() {
        fixture.given(started(), split(3, 2), goals(goal("a0", "A")),
                        new ExecutionFinished(ID, "c-1", "acme", ExecutionStatus.COMPLETED, null, NOW))
                .when(new RecordAbTestGoals(ID, "ab", List.of(goal("a0", "A"), goal("b0", "B"), goal("b0", "B")),
                        NOW))
                .expectResultMessagePayload(1)
                .expectEvents(goals(goal("b0", "B")));
    }

    @Test
    void theGroupWithTheHighestConversionWinsNotTheOneWithMoreGoals() {
        // A: 2 goals of 30 users, under 7%; B: 1 goal of 2 users, 50%.
        fixture.given(started(), split(30, 2), goals(goal("a0", "A"), goal("a1", "A"), goal("b0", "B")))
                .when(new DecideAbTest(ID, "ab", NOW))
                .expectEvents(decided("B", Map.of("A", 30L, "B", 2L), Map.of("A", 2L, "B", 1L)));
    }

    @Test
    void onEqualConversionTheGroupWithMoreGoalsWins() {
        fixture.given(started(), split(2, 4), goals(goal("a0", "A"), goal("b0", "B"), goal("b1", "B")))
                .when(new DecideAbTest(ID, "ab", NOW))
                .expectEvents(decided("B", Map.of("A", 2L, "B", 4L), Map.of("A", 1L, "B", 2L)));
    }

    @Test
    void aFullTieGoesToTheGroupListedFirst() {
        fixture.given(started(), split(3, 3))
                .when(new DecideAbTest(ID, "ab", NOW))
                .expectEvents(decided("A", Map.of("A", 3L, "B", 3L), Map.of()));
    }

    @Test
    void decidesOnceAndCountsNoGoalAfterwards() {
        fixture.given(started(), split(1, 1), decided("A", Map.of("A", 1L, "B", 1L), Map.of()))
                .when(new RecordAbTestGoals(ID, "ab", List.of(goal("b0", "B")), NOW))
                .expectResultMessagePayload(0)
                .expectNoEvents();
        fixture.given(started(), split(1, 1), decided("A", Map.of("A", 1L, "B", 1L), Map.of()))
                .when(new DecideAbTest(ID, "ab", NOW))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void theRuleReadsGroupsInTheirConfiguredOrder() {
        assertThat(AbTestWinner.of(List.of("control", "variant"), Map.of("control", 10L, "variant", 10L),
                Map.of("control", 1L, "variant", 1L))).isEqualTo("control");
        assertThat(AbTestWinner.of(List.of("variant", "control"), Map.of("control", 10L, "variant", 10L),
                Map.of("control", 1L, "variant", 1L))).isEqualTo("variant");
        assertThat(AbTestWinner.of(List.of("A", "B", "C"), Map.of("A", 10L, "B", 0L, "C", 5L),
                Map.of("A", 1L, "C", 1L))).isEqualTo("C");
    }

    private static ExecutionStarted started() {
        FlowDefinition flow = new FlowDefinition(List.of(
                new FlowComponent("audience", ComponentType.TARGET_AUDIENCE, Map.of("audienceId", "a-1")),
                new FlowComponent("ab", ComponentType.AB_TEST, Map.of("groups", List.of(
                        Map.of("name", "A", "percent", 50), Map.of("name", "B", "percent", 50)),
                        "goal", Map.of("eventType", "purchase", "windowHours", 24)))),
                List.of(new FlowEdge("audience", "ab", null)));
        return new ExecutionStarted(ID, "c-1", "acme", 1, flow, NOW);
    }

    private static ExecutionBatchRecorded split(int inA, int inB) {
        List<UserOutcome> users = IntStream.range(0, inA + inB)
                .mapToObj(n -> n < inA ? new UserOutcome("a" + n, UserResult.PASSED, "A", null)
                        : new UserOutcome("b" + (n - inA), UserResult.PASSED, "B", null))
                .toList();
        return new ExecutionBatchRecorded(ID, "c-1", "acme", 0, List.of(new ComponentOutcomes("ab",
                ComponentType.AB_TEST, users)), NOW);
    }

    private static GoalAchievement goal(String userId, String group) {
        return new GoalAchievement(userId, group);
    }

    private static AbTestGoalsAchieved goals(GoalAchievement... achievements) {
        return new AbTestGoalsAchieved(ID, "c-1", "acme", "ab", List.of(achievements), NOW);
    }

    private static AbTestDecided decided(String winner, Map<String, Long> inflow, Map<String, Long> goals) {
        return new AbTestDecided(ID, "c-1", "acme", "ab", winner, inflow, goals, NOW);
    }
}
