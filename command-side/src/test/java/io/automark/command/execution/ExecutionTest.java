package io.automark.command.execution;

import com.mongodb.client.MongoClients;
import io.automark.command.audience.AudienceExport.RequestAudienceExport;
import io.automark.command.common.NotFoundException;
import io.automark.command.execution.ExecutionCommands.FinishExecution;
import io.automark.command.execution.ExecutionCommands.ReExecute;
import io.automark.command.execution.ExecutionCommands.RecordExecutionBatch;
import io.automark.command.execution.ExecutionCommands.StopExecution;
import io.automark.command.support.EmbeddedStore;
import io.automark.command.support.Flows;
import io.automark.command.support.SpawnedAggregates;
import io.automark.events.campaign.ComponentType;
import io.automark.events.execution.ComponentOutcomes;
import io.automark.events.execution.ExecutionBatchRecorded;
import io.automark.events.execution.ExecutionFinished;
import io.automark.events.execution.ExecutionReExecuted;
import io.automark.events.execution.ExecutionStarted;
import io.automark.events.execution.ExecutionStatus;
import io.automark.events.execution.UserOutcome;
import io.automark.events.execution.UserResult;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ExecutionTest {

    private static final String ID = "e-1";
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final List<ComponentOutcomes> OUTCOMES = List.of(new ComponentOutcomes("audience",
            ComponentType.TARGET_AUDIENCE, List.of(new UserOutcome("u1", UserResult.PASSED, null, null))));

    private FixtureConfiguration<Execution> fixture;
    private SpawnedAggregates spawned;
    private ExecutionStops stops;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Execution.class);
        spawned = new SpawnedAggregates();
        fixture.registerRepositoryProvider(spawned);
        stops = new ExecutionStops(new MongoTemplate(MongoClients.create(EmbeddedStore.uri("fixtures")),
                "execution-" + UUID.randomUUID()));
        fixture.registerInjectableResource(stops);
    }

    private static ExecutionStarted started() {
        return new ExecutionStarted(ID, "c-1", "acme", 1, Flows.content("x").flow(), NOW);
    }

    private static ExecutionBatchRecorded batch(long number) {
        return new ExecutionBatchRecorded(ID, "c-1", "acme", number, OUTCOMES, NOW);
    }

    @Test
    void recordsABatch() {
        fixture.given(started())
                .when(new RecordExecutionBatch(ID, 0, OUTCOMES, NOW))
                .expectResultMessagePayload(true)
                .expectEvents(batch(0));
    }

    @Test
    void recordsTheSameBatchOnlyOnce() {
        fixture.given(started(), batch(0))
                .when(new RecordExecutionBatch(ID, 0, OUTCOMES, NOW))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void recordsABatchThatWasInFlightWhenTheRunStopped() {
        fixture.given(started(), new ExecutionFinished(ID, "c-1", "acme", ExecutionStatus.STOPPED, "x", NOW))
                .when(new RecordExecutionBatch(ID, 1, OUTCOMES, NOW))
                .expectEvents(batch(1));
    }

    @Test
    void refusesResultsAfterTheRunEnded() {
        fixture.given(started(), new ExecutionFinished(ID, "c-1", "acme", ExecutionStatus.COMPLETED, null, NOW))
                .when(new RecordExecutionBatch(ID, 1, OUTCOMES, NOW))
                .expectNoEvents()
                .expectException(ExecutionNotRunning.class);
    }

    @Test
    void refusesToSaveTheUsersOfAComponentItsFlowDoesNotHave() {
        fixture.given(started())
                .when(new RequestAudienceExport(ID, "op-1", "acme", "ghost", "Ghost", Set.of(UserResult.SUCCESS), NOW))
                .expectNoEvents()
                .expectException(NotFoundException.class);
    }

    @Test
    void refusesToSaveTheUsersOfAnotherWorkspacesRun() {
        fixture.given(started())
                .when(new RequestAudienceExport(ID, "op-1", "other", "audience", "X", Set.of(UserResult.SUCCESS), NOW))
                .expectNoEvents()
                .expectException(NotFoundException.class);
    }

    @Test
    void finishesOnce() {
        fixture.given(started(), new ExecutionFinished(ID, "c-1", "acme", ExecutionStatus.COMPLETED, null, NOW))
                .when(new FinishExecution(ID, ExecutionStatus.ABNORMAL_END, "late", NOW))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void runsAnAbnormallyEndedExecutionAgainOnce() {
        fixture.given(started(), new ExecutionFinished(ID, "c-1", "acme", ExecutionStatus.ABNORMAL_END, "x", NOW))
                .when(new ReExecute(ID, "acme", "e-2", NOW))
                .expectResultMessagePayload("e-2")
                .expectEvents(new ExecutionReExecuted(ID, "c-1", "acme", "e-2", NOW));
        assertThat(spawned.payloads("e-2").get(0))
                .isEqualTo(new ExecutionStarted("e-2", "c-1", "acme", 1, Flows.content("x").flow(), NOW));
    }

    @Test
    void refusesToRunAgainAnExecutionThatCompleted() {
        fixture.given(started(), new ExecutionFinished(ID, "c-1", "acme", ExecutionStatus.COMPLETED, null, NOW))
                .when(new ReExecute(ID, "acme", "e-2", NOW))
                .expectNoEvents()
                .expectException(ExecutionNotReExecutable.class);
    }

    @Test
    void refusesToRunAgainAnExecutionThatWasRunAgain() {
        fixture.given(started(), new ExecutionFinished(ID, "c-1", "acme", ExecutionStatus.ABNORMAL_END, "x", NOW),
                        new ExecutionReExecuted(ID, "c-1", "acme", "e-2", NOW))
                .when(new ReExecute(ID, "acme", "e-3", NOW))
                .expectException(ExecutionNotReExecutable.class);
    }

    @Test
    void stopsARunningExecution() {
        fixture.given(started(), batch(0))
                .when(new StopExecution(ID, "acme", "stopped by ana", NOW))
                .expectEvents(new ExecutionFinished(ID, "c-1", "acme", ExecutionStatus.STOPPED, "stopped by ana", NOW));

        assertThat(stops.stopped(ID)).isTrue();
    }

    @Test
    void refusesToStopAnExecutionThatEnded() {
        fixture.given(started(), new ExecutionFinished(ID, "c-1", "acme", ExecutionStatus.COMPLETED, null, NOW))
                .when(new StopExecution(ID, "acme", "late", NOW))
                .expectException(ExecutionNotRunning.class);

        assertThat(stops.stopped(ID)).isFalse();
    }
}
