package io.automark.query.execution;

import io.automark.events.campaign.CampaignCreated;
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
import io.automark.events.execution.ExecutionReExecuted;
import io.automark.events.execution.ExecutionStarted;
import io.automark.events.execution.ExecutionStatus;
import io.automark.events.execution.UserOutcome;
import io.automark.events.execution.UserResult;
import io.automark.query.campaign.CampaignProjection;
import io.automark.query.support.QuerySideTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.automark.query.support.Fixtures.T0;
import static io.automark.query.support.Fixtures.content;
import static io.automark.query.support.Fixtures.newId;
import static io.automark.query.support.Fixtures.newWorkspace;
import static io.automark.query.support.Fixtures.outcomes;
import static io.automark.query.support.Fixtures.splitFlow;
import static io.automark.query.support.Fixtures.users;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

@QuerySideTest
class ExecutionProjectionTest {

    @Autowired
    ExecutionProjection projection;

    @Autowired
    ExecutionQueries queries;

    @Autowired
    CampaignProjection campaigns;

    final String ws = newWorkspace();
    final String id = newId("e");
    final String campaign = newId("c");

    @BeforeEach
    void givenACampaign() {
        campaigns.on(new CampaignCreated(campaign, ws, content("Runs again"), T0), 0, "alice");
    }

    @Test
    void listsComponentsInFlowOrderBeforeAnyBatch() {
        // when
        projection.on(new ExecutionStarted(id, "c-1", ws, 3, splitFlow(), T0), 0);

        // then
        ExecutionDetails details = queries.details(ws, id, null);
        assertThat(details.status()).isEqualTo(ExecutionStatus.IN_PROGRESS);
        assertThat(details.version()).isEqualTo(3);
        assertThat(details.components()).extracting(ComponentReport::componentId)
                .containsExactly("mail", "audience", "split", "hook");
        assertThat(details.components().get(0).sent()).isZero();
        assertThat(details.components().get(1).passed()).isZero();
    }

    @Test
    void countsTheFiguresThatFitEachComponentType() {
        // given
        projection.on(new ExecutionStarted(id, "c-1", ws, 1, splitFlow(), T0), 0);

        // when
        projection.on(splitBatch(0, "u"), 1);

        // then
        Map<String, ComponentReport> components = byId(queries.details(ws, id, null));
        assertThat(components.get("audience")).isEqualTo(
                new ComponentReport("audience", ComponentType.TARGET_AUDIENCE, 10L, 10L, null, null, null, null,
                        null, null, null, null, null));
        assertThat(components.get("split").branches()).isEqualTo(Map.of("A", 6L, "B", 4L));
        assertThat(components.get("mail")).isEqualTo(
                new ComponentReport("mail", ComponentType.EMAIL, 6L, null, 5L, 4L, 2L, null, null, null, null, 0L,
                        null));
        assertThat(queries.details(ws, id, null).processedUsers()).isEqualTo(10);
    }

    @Test
    void countsWaitingUsersApartUntilTheyGoOn() {
        // given
        FlowDefinition flow = new FlowDefinition(List.of(
                new FlowComponent("audience", ComponentType.TARGET_AUDIENCE, Map.of("audienceId", "a-1")),
                new FlowComponent("pause", ComponentType.WAIT_UNTIL, Map.of("duration", "P1D"))),
                List.of(new FlowEdge("audience", "pause", null)));
        projection.on(new ExecutionStarted(id, "c-1", ws, 1, flow, T0), 0);
        List<String> all = users("w", 3);
        projection.on(new ExecutionBatchRecorded(id, "c-1", ws, 0, List.of(
                outcomes("audience", ComponentType.TARGET_AUDIENCE, all, UserResult.PASSED, null),
                outcomes("pause", ComponentType.WAIT_UNTIL, all, UserResult.WAITING, null)), T0), 1);
        ComponentReport waiting = byId(queries.details(ws, id, null)).get("pause");

        // when
        projection.on(new ExecutionBatchRecorded(id, "c-1", ws, 1L << 40, List.of(new ComponentOutcomes("pause",
                ComponentType.WAIT_UNTIL, all.subList(0, 2).stream()
                .map(user -> new UserOutcome(user, UserResult.PASSED, null, null)).toList(), true)), T0), 2);

        // then
        assertThat(waiting.entered()).isEqualTo(3);
        assertThat(waiting.waiting()).isEqualTo(3);
        assertThat(waiting.passed()).isZero();
        ComponentReport after = byId(queries.details(ws, id, null)).get("pause");
        assertThat(after.entered()).isEqualTo(3);
        assertThat(after.waiting()).isEqualTo(1);
        assertThat(after.passed()).isEqualTo(2);
    }

    @Test
    void countsTheUsersAStopEndedAtAChannelAndAtAWaitOnceWhenBatchesAreRedelivered() {
        // given
        FlowDefinition flow = new FlowDefinition(List.of(
                new FlowComponent("audience", ComponentType.TARGET_AUDIENCE, Map.of("audienceId", "a-1")),
                new FlowComponent("pause", ComponentType.WAIT_UNTIL, Map.of("duration", "P1D")),
                new FlowComponent("hook", ComponentType.WEBHOOK, Map.of("url", "http://localhost:9/h"))),
                List.of(new FlowEdge("audience", "pause", null), new FlowEdge("audience", "hook", null)));
        projection.on(new ExecutionStarted(id, "c-1", ws, 1, flow, T0), 0);
        List<String> all = users("s", 10);
        // The stop came while the hook's first slice went out: the rest of its users were not sent to.
        ExecutionBatchRecorded inFlight = new ExecutionBatchRecorded(id, "c-1", ws, 0, List.of(
                outcomes("audience", ComponentType.TARGET_AUDIENCE, all, UserResult.PASSED, null),
                outcomes("pause", ComponentType.WAIT_UNTIL, all, UserResult.WAITING, null),
                outcomes("hook", ComponentType.WEBHOOK, all.subList(0, 3), UserResult.SUCCESS, null),
                outcomes("hook", ComponentType.WEBHOOK, all.subList(3, 10), UserResult.STOPPED, null)), T0);
        // The stop then ended every wait.
        ExecutionBatchRecorded waitsEnded = new ExecutionBatchRecorded(id, "c-1", ws, 1L << 40, List.of(
                new ComponentOutcomes("pause", ComponentType.WAIT_UNTIL, all.stream()
                        .map(user -> new UserOutcome(user, UserResult.STOPPED, null, null)).toList(), true)), T0);

        // when
        projection.on(inFlight, 1);
        projection.on(waitsEnded, 2);
        projection.on(inFlight, 1);
        projection.on(waitsEnded, 2);

        // then
        Map<String, ComponentReport> components = byId(queries.details(ws, id, null));
        assertThat(components.get("hook")).isEqualTo(new ComponentReport("hook", ComponentType.WEBHOOK, 10L, null,
                3L, 3L, 0L, null, null, null, null, 7L, null));
        assertThat(components.get("pause").stopped()).isEqualTo(10);
        assertThat(components.get("pause").waiting()).isZero();
        assertThat(components.get("pause").entered()).isEqualTo(10);
        assertThat(components.get("audience").stopped()).as("an entry keeps no user a stop could end").isNull();
    }

    @Test
    void countsARedeliveredBatchOnce() {
        // given
        projection.on(new ExecutionStarted(id, "c-1", ws, 1, splitFlow(), T0), 0);
        ExecutionBatchRecorded batch = splitBatch(0, "u");
        projection.on(batch, 1);

        // when
        projection.on(batch, 1);
        projection.on(new ExecutionStarted(id, "c-1", ws, 1, splitFlow(), T0), 0);

        // then
        ExecutionDetails details = queries.details(ws, id, null);
        assertThat(details.batches()).isEqualTo(1);
        assertThat(details.processedUsers()).isEqualTo(10);
        assertThat(byId(details).get("audience").entered()).isEqualTo(10);
    }

    @Test
    void addsUpTheBatchesOfARun() {
        // given
        projection.on(new ExecutionStarted(id, "c-1", ws, 1, splitFlow(), T0), 0);

        // when
        projection.on(splitBatch(0, "u"), 1);
        projection.on(splitBatch(1, "v"), 2);
        projection.on(new ExecutionFinished(id, "c-1", ws, ExecutionStatus.COMPLETED, null, T0.plusSeconds(9)), 3);

        // then
        ExecutionDetails details = queries.details(ws, id, null);
        assertThat(details.batches()).isEqualTo(2);
        assertThat(byId(details).get("mail").succeeded()).isEqualTo(8);
        assertThat(details.status()).isEqualTo(ExecutionStatus.COMPLETED);
        assertThat(details.endedAt()).isEqualTo(T0.plusSeconds(9));
        assertThat(details.aggregateVersion()).isEqualTo(4);
    }

    @Test
    void showsAnAbTestsGoalsPerGroupOnceAndItsWinner() {
        // given
        FlowDefinition flow = new FlowDefinition(List.of(
                new FlowComponent("entry", ComponentType.TARGET_AUDIENCE, Map.of()),
                new FlowComponent("ab", ComponentType.AB_TEST, Map.of())), List.of());
        projection.on(new ExecutionStarted(id, "c-1", ws, 1, flow, T0), 0);
        projection.on(new ExecutionBatchRecorded(id, "c-1", ws, 0, List.of(
                outcomes("ab", ComponentType.AB_TEST, users("a", 4), UserResult.PASSED, "A"),
                outcomes("ab", ComponentType.AB_TEST, users("b", 4), UserResult.PASSED, "B.x")), T0), 1);
        AbTestGoalsAchieved goals = new AbTestGoalsAchieved(id, "c-1", ws, "ab", List.of(
                new GoalAchievement("a000", "A"), new GoalAchievement("b000", "B.x"),
                new GoalAchievement("b001", "B.x")), T0);

        // when
        projection.on(goals, 2);
        projection.on(goals, 2);
        projection.on(new AbTestDecided(id, "c-1", ws, "ab", "B.x", Map.of("A", 4L, "B.x", 4L),
                Map.of("A", 1L, "B.x", 2L), T0), 3);

        // then
        ComponentReport ab = byId(queries.details(ws, id, null)).get("ab");
        assertThat(ab.goalAchieved()).isEqualTo(3);
        assertThat(ab.goals()).isEqualTo(Map.of("A", 1L, "B.x", 2L));
        assertThat(ab.branches()).isEqualTo(Map.of("A", 4L, "B.x", 4L));
        assertThat(ab.winningGroup()).isEqualTo("B.x");
    }

    @Test
    void showsTheInflowAndGroupsOfAnAbTestWithoutGoals() {
        // given
        FlowDefinition flow = new FlowDefinition(List.of(
                new FlowComponent("entry.v2", ComponentType.TARGET_AUDIENCE, Map.of()),
                new FlowComponent("ab", ComponentType.AB_TEST, Map.of())), List.of());
        projection.on(new ExecutionStarted(id, "c-1", ws, 1, flow, T0), 0);

        // when
        projection.on(new ExecutionBatchRecorded(id, "c-1", ws, 0, List.of(
                outcomes("entry.v2", ComponentType.TARGET_AUDIENCE, users("u", 6), UserResult.PASSED, null),
                outcomes("ab", ComponentType.AB_TEST, users("u", 3), UserResult.PASSED, "group.1"),
                outcomes("ab", ComponentType.AB_TEST, users("w", 2), UserResult.NOT_PASSED, "group.1"),
                outcomes("ab", ComponentType.AB_TEST, users("x", 1), UserResult.PASSED, "$group2")), T0), 1);

        // then
        Map<String, ComponentReport> components = byId(queries.details(ws, id, null));
        assertThat(components.get("ab")).isEqualTo(new ComponentReport("ab", ComponentType.AB_TEST, 6L, null, null,
                null, null, null, 0L, Map.of("group.1", 5L, "$group2", 1L), null, null, Map.of()));
        assertThat(components.get("entry.v2").entered()).isEqualTo(6);
    }

    @Test
    void linksAReExecutionThatStartedBeforeTheLinkWasHandled() {
        // given
        String rerun = newId("e");
        endAbnormally();
        projection.on(new ExecutionStarted(rerun, campaign, ws, 1, splitFlow(), T0.plusSeconds(5)), 0);

        // when
        projection.on(new ExecutionReExecuted(id, campaign, ws, rerun, T0.plusSeconds(5)), 2);

        // then
        assertReExecutedAs(rerun);
    }

    @Test
    void linksAReExecutionWhoseLinkWasHandledBeforeItStarted() {
        // given
        String rerun = newId("e");
        endAbnormally();
        projection.on(new ExecutionReExecuted(id, campaign, ws, rerun, T0.plusSeconds(5)), 2);
        Throwable beforeStart = catchThrowable(() -> queries.details(ws, rerun, null));
        List<ExecutionDetails> listedBeforeStart = queries.ofCampaign(ws, campaign, null, 10);

        // when
        projection.on(new ExecutionStarted(rerun, campaign, ws, 1, splitFlow(), T0.plusSeconds(5)), 0);
        projection.on(splitBatch(rerun, 0, "u"), 1);

        // then
        assertThat(beforeStart).isInstanceOf(ExecutionNotFound.class);
        assertThat(listedBeforeStart).extracting(ExecutionDetails::id).containsExactly(id);
        assertReExecutedAs(rerun);
        ExecutionDetails started = queries.details(ws, rerun, 2L);
        assertThat(started.batches()).isEqualTo(1);
        assertThat(started.processedUsers()).isEqualTo(10);
        assertThat(started.aggregateVersion()).isEqualTo(2);
    }

    @Test
    void linksAReExecutionOnceWhenItsEventsAreRedelivered() {
        // given
        String rerun = newId("e");
        ExecutionReExecuted reExecuted = new ExecutionReExecuted(id, campaign, ws, rerun, T0.plusSeconds(5));
        ExecutionStarted rerunStarted = new ExecutionStarted(rerun, campaign, ws, 1, splitFlow(), T0.plusSeconds(5));
        endAbnormally();
        projection.on(reExecuted, 2);
        projection.on(rerunStarted, 0);

        // when
        projection.on(reExecuted, 2);
        projection.on(rerunStarted, 0);

        // then
        assertReExecutedAs(rerun);
        assertThat(queries.details(ws, id, null).aggregateVersion()).isEqualTo(3);
        assertThat(queries.details(ws, rerun, null).aggregateVersion()).isEqualTo(1);
    }

    private void endAbnormally() {
        ExecutionFinished crashed =
                new ExecutionFinished(id, campaign, ws, ExecutionStatus.ABNORMAL_END, "crash", T0.plusSeconds(1));

        projection.on(new ExecutionStarted(id, campaign, ws, 1, splitFlow(), T0), 0);
        projection.on(crashed, 1);
    }

    private void assertReExecutedAs(String rerun) {
        ExecutionDetails old = queries.details(ws, id, null);
        ExecutionDetails started = queries.details(ws, rerun, null);

        assertThat(old.reExecutedAs()).isEqualTo(rerun);
        assertThat(old.reExecutionOf()).isNull();
        assertThat(started.reExecutionOf()).isEqualTo(id);
        assertThat(started.reExecutedAs()).isNull();
        assertThat(started.status()).isEqualTo(ExecutionStatus.IN_PROGRESS);
        assertThat(started.startedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(started.components()).hasSize(4);
        assertThat(queries.ofCampaign(ws, campaign, null, 10)).extracting(ExecutionDetails::id)
                .containsExactly(rerun, id);
    }

    private ExecutionBatchRecorded splitBatch(long number, String prefix) {
        return splitBatch(id, number, prefix);
    }

    private ExecutionBatchRecorded splitBatch(String executionId, long number, String prefix) {
        List<String> all = users(prefix, 10);
        List<String> groupA = all.subList(0, 6);
        List<String> groupB = all.subList(6, 10);

        return new ExecutionBatchRecorded(executionId, "c-1", ws, number, List.of(
                outcomes("audience", ComponentType.TARGET_AUDIENCE, all, UserResult.PASSED, null),
                outcomes("split", ComponentType.RANDOM_GROUPING, groupA, UserResult.PASSED, "A"),
                outcomes("split", ComponentType.RANDOM_GROUPING, groupB, UserResult.PASSED, "B"),
                outcomes("mail", ComponentType.EMAIL, groupA.subList(0, 4), UserResult.SUCCESS, null),
                outcomes("mail", ComponentType.EMAIL, groupA.subList(4, 5), UserResult.FAILED, null),
                outcomes("mail", ComponentType.EMAIL, groupA.subList(5, 6), UserResult.SKIPPED, null),
                outcomes("hook", ComponentType.WEBHOOK, groupB, UserResult.SUCCESS, null)),
                T0.plusSeconds(number));
    }

    private static Map<String, ComponentReport> byId(ExecutionDetails details) {
        return details.components().stream()
                .collect(Collectors.toMap(ComponentReport::componentId, component -> component));
    }
}
