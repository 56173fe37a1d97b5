package io.automark.command.campaign;

import io.automark.command.campaign.CampaignCommands.CompleteCampaignRun;
import io.automark.command.campaign.CampaignCommands.CreateCampaign;
import io.automark.command.campaign.CampaignCommands.PublishCampaign;
import io.automark.command.campaign.CampaignCommands.SaveCampaign;
import io.automark.command.campaign.CampaignCommands.StartCampaign;
import io.automark.command.campaign.CampaignCommands.StopCampaign;
import io.automark.command.campaign.CampaignRuleViolations.CampaignNotPublishable;
import io.automark.command.campaign.CampaignRuleViolations.CampaignNotStartable;
import io.automark.command.campaign.CampaignRuleViolations.CampaignNotStoppable;
import io.automark.command.common.InvalidInputException;
import io.automark.command.common.InvalidStateException;
import io.automark.command.common.NotFoundException;
import io.automark.command.common.VersionConflictException;
import io.automark.command.execution.ExecutionStops;
import io.automark.command.support.Flows;
import io.automark.events.campaign.CampaignContent;
import io.automark.events.campaign.CampaignCreated;
import io.automark.events.campaign.CampaignDraftSaved;
import io.automark.events.campaign.CampaignFinished;
import io.automark.events.campaign.CampaignPublished;
import io.automark.events.campaign.CampaignRestarted;
import io.automark.events.campaign.CampaignStatus;
import io.automark.events.campaign.CampaignStopped;
import io.automark.events.campaign.CampaignRunEnded;
import io.automark.events.campaign.CampaignRunStopped;
import io.automark.events.campaign.CampaignVersionCreated;
import io.automark.events.campaign.EndState;
import io.automark.events.campaign.ComponentType;
import io.automark.events.campaign.FlowComponent;
import io.automark.events.campaign.FlowDefinition;
import io.automark.events.campaign.FlowEdge;
import io.automark.events.campaign.Schedule;
import io.automark.events.execution.ExecutionStarted;
import io.automark.events.execution.ExecutionStatus;
import org.axonframework.test.aggregate.AggregateTestFixture;
import com.mongodb.client.MongoClients;
import io.automark.command.campaign.CampaignCommands.CopyCampaign;
import io.automark.command.campaign.CampaignCommands.DeleteCampaign;
import io.automark.command.campaign.CampaignCommands.MoveCampaign;
import io.automark.command.campaign.CampaignCommands.StopCampaignVersion;
import io.automark.command.support.EmbeddedStore;
import io.automark.command.support.SpawnedAggregates;
import io.automark.events.campaign.CampaignCopied;
import io.automark.events.campaign.CampaignDeleted;
import io.automark.events.campaign.CampaignMoved;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CampaignTest {

    private static final String ID = "c-1";
    private static final String WS = "acme";
    private static final String EXECUTION = "e-1";
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final CampaignContent CONTENT = Flows.content("Spring reactivation");

    private AggregateTestFixture<Campaign> fixture;
    private SpawnedAggregates spawned;
    private InProgressSlots slots;
    private ExecutionStops stops;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Campaign.class);
        spawned = new SpawnedAggregates();
        fixture.registerRepositoryProvider(spawned);
        MongoTemplate store = new MongoTemplate(MongoClients.create(EmbeddedStore.uri("fixtures")),
                "fixture-" + UUID.randomUUID());
        slots = new InProgressSlots(store, 2);
        fixture.registerInjectableResource(slots);
        stops = new ExecutionStops(store);
        fixture.registerInjectableResource(stops);
        fixture.registerInjectableResource(new FixtureClock(fixture::currentTime));
    }

    private List<Object> copyEvents(String copyId) {
        return spawned.payloads(copyId);
    }

    private List<Object> executionEvents(String executionId) {
        return spawned.payloads(executionId);
    }

    private static CampaignCreated created() {
        return new CampaignCreated(ID, WS, CONTENT, NOW);
    }

    private static CampaignPublished publishedNow() {
        return new CampaignPublished(ID, WS, 1, CampaignStatus.IN_PROGRESS, EXECUTION, NOW);
    }

    @Test
    void createsADraft() {
        fixture.givenNoPriorActivity()
                .when(new CreateCampaign(ID, WS, CONTENT, NOW))
                .expectSuccessfulHandlerExecution()
                .expectEvents(created());
    }

    @Test
    void refusesAFlowWithSeveralProblemsListingEachOfThem() {
        FlowDefinition broken = new FlowDefinition(List.of(), List.of());

        fixture.givenNoPriorActivity()
                .when(new CreateCampaign(ID, WS, Flows.content("x", broken, Schedule.NONE), NOW))
                .expectNoEvents()
                .expectException(InvalidInputException.class);
    }

    @Test
    void savingADraftEditsItsCurrentVersion() {
        CampaignContent edit = Flows.content("Renamed");

        fixture.given(created())
                .when(new SaveCampaign(ID, WS, edit, 1L, NOW))
                .expectResultMessagePayload(2L)
                .expectEvents(new CampaignDraftSaved(ID, WS, 1, edit, NOW));
    }

    @Test
    void savingARunningCampaignCreatesANewVersion() {
        CampaignContent edit = Flows.content("Renamed");

        fixture.given(created(), publishedNow())
                .when(new SaveCampaign(ID, WS, edit, null, NOW))
                .expectEvents(new CampaignVersionCreated(ID, WS, 2, 1, edit, NOW));
    }

    @Test
    void refusesAnEditFromAStaleVersion() {
        fixture.given(created(), new CampaignDraftSaved(ID, WS, 1, CONTENT, NOW))
                .when(new SaveCampaign(ID, WS, CONTENT, 1L, NOW))
                .expectNoEvents()
                .expectException(VersionConflictException.class);
    }

    @Test
    void answersNotFoundForAnotherWorkspace() {
        fixture.given(created())
                .when(new StopCampaign(ID, "other", NOW))
                .expectException(NotFoundException.class);
    }

    @Test
    void publishingWithoutAStartTimeStartsAnExecution() {
        fixture.given(created())
                .when(new PublishCampaign(ID, WS, null, null, EXECUTION, NOW))
                .expectResultMessagePayload(2L)
                .expectEvents(publishedNow());
        assertThat(executionEvents(EXECUTION)).containsExactly(
                new ExecutionStarted(EXECUTION, ID, WS, 1, CONTENT.flow(), NOW));
    }

    @Test
    void publishingBeforeTheStartTimeLeavesItNotStarted() {
        Schedule later = new Schedule(NOW.plus(Duration.ofDays(1)), null, null, null);
        CampaignContent scheduled = Flows.content("Later", CONTENT.flow(), later);

        fixture.given(new CampaignCreated(ID, WS, scheduled, NOW))
                .when(new PublishCampaign(ID, WS, null, null, EXECUTION, NOW))
                .expectEvents(new CampaignPublished(ID, WS, 1, CampaignStatus.NOT_STARTED, null, NOW));
    }

    @Test
    void publishingWithAnEditSavesItFirst() {
        CampaignContent edit = Flows.content("Edited");

        fixture.given(created())
                .when(new PublishCampaign(ID, WS, edit, null, EXECUTION, NOW))
                .expectEvents(new CampaignDraftSaved(ID, WS, 1, edit, NOW), publishedNow());
        assertThat(executionEvents(EXECUTION)).containsExactly(
                new ExecutionStarted(EXECUTION, ID, WS, 1, edit.flow(), NOW));
    }

    @Test
    void startsNoExecutionWhenPublishedBeforeItsStartTime() {
        Schedule later = new Schedule(NOW.plus(Duration.ofDays(1)), null, null, null);

        fixture.given(new CampaignCreated(ID, WS, Flows.content("Later", CONTENT.flow(), later), NOW))
                .when(new PublishCampaign(ID, WS, null, null, EXECUTION, NOW));
        assertThat(executionEvents(EXECUTION)).isEmpty();
    }

    @Test
    void refusesToPublishAVersionThatIsAlreadyPublished() {
        fixture.given(created(), publishedNow())
                .when(new PublishCampaign(ID, WS, null, null, "e-2", NOW))
                .expectNoEvents()
                .expectException(CampaignNotPublishable.class);
    }

    @Test
    void refusesToPublishADraftSavedWithJudgedResultsThatNoSendRecords() {
        FlowDefinition judged = new FlowDefinition(List.of(
                new FlowComponent("in", ComponentType.TARGET_AUDIENCE, Map.of("audienceId", "a-1")),
                new FlowComponent("hook", ComponentType.WEBHOOK, Map.of("url", "http://localhost:9/hook")),
                new FlowComponent("judge", ComponentType.RESULT_JUDGMENT, Map.of("componentId", "hook",
                        "results", List.of("DELIVERED")))),
                List.of(new FlowEdge("in", "hook", null), new FlowEdge("hook", "judge", null)));
        CampaignCreated savedBeforeTheRule = new CampaignCreated(ID, WS, Flows.content("x", judged, Schedule.NONE),
                NOW);

        fixture.given(savedBeforeTheRule)
                .when(new PublishCampaign(ID, WS, null, null, EXECUTION, NOW))
                .expectNoEvents()
                .expectException(InvalidInputException.class);
        assertThat(slots.taken(WS)).isZero();
    }

    @Test
    void refusesToPublishADraftSavedWithAReentryOfZeroOrAFieldNoComponentReads() {
        FlowDefinition unlimited = new FlowDefinition(List.of(
                new FlowComponent("visit", ComponentType.BEHAVIOR_EVENT, Map.of("eventType", "visit",
                        "reentry", "PT0S")),
                new FlowComponent("hook", ComponentType.WEBHOOK, Map.of("url", "http://localhost:9/hook",
                        "bogus", 1))),
                List.of(new FlowEdge("visit", "hook", null)));
        CampaignCreated savedBeforeTheRule = new CampaignCreated(ID, WS, Flows.content("x", unlimited,
                Schedule.NONE), NOW);

        fixture.given(savedBeforeTheRule)
                .when(new PublishCampaign(ID, WS, null, null, EXECUTION, NOW))
                .expectNoEvents()
                .expectException(InvalidInputException.class);
        assertThat(slots.taken(WS)).isZero();
    }

    @Test
    void refusesToPublishAfterTheEndTime() {
        Schedule ended = new Schedule(null, NOW.minusSeconds(1), null, null);

        fixture.given(new CampaignCreated(ID, WS, Flows.content("Old", CONTENT.flow(), ended), NOW))
                .when(new PublishCampaign(ID, WS, null, null, EXECUTION, NOW))
                .expectNoEvents()
                .expectException(InvalidInputException.class);
    }

    @Test
    void stopsARunningCampaignAndNamesItsExecution() {
        fixture.given(created(), publishedNow())
                .when(new StopCampaign(ID, WS, NOW))
                .expectEvents(new CampaignStopped(ID, WS, EXECUTION, NOW));

        assertThat(stops.stopped(EXECUTION)).isTrue();
    }

    @Test
    void stopsACampaignThatHasNotStarted() {
        fixture.given(created(), new CampaignPublished(ID, WS, 1, CampaignStatus.NOT_STARTED, null, NOW))
                .when(new StopCampaign(ID, WS, NOW))
                .expectEvents(new CampaignStopped(ID, WS, null, NOW));
    }

    @Test
    void refusesToStopADraft() {
        fixture.given(created())
                .when(new StopCampaign(ID, WS, NOW))
                .expectNoEvents()
                .expectException(CampaignNotStoppable.class);
    }

    @Test
    void refusesToStopAStoppedCampaign() {
        fixture.given(created(), publishedNow(), new CampaignStopped(ID, WS, EXECUTION, NOW))
                .when(new StopCampaign(ID, WS, NOW))
                .expectException(CampaignNotStoppable.class);
    }

    @Test
    void restartsAStoppedCampaignWithANewExecution() {
        fixture.given(created(), publishedNow(), new CampaignStopped(ID, WS, EXECUTION, NOW))
                .when(new StartCampaign(ID, WS, null, "e-2", NOW))
                .expectEvents(new CampaignRestarted(ID, WS, 1, "e-2", NOW));
        assertThat(executionEvents("e-2")).containsExactly(
                new ExecutionStarted("e-2", ID, WS, 1, CONTENT.flow(), NOW));
    }

    @Test
    void refusesToStartACampaignThatIsRunning() {
        fixture.given(created(), publishedNow())
                .when(new StartCampaign(ID, WS, null, "e-2", NOW))
                .expectNoEvents()
                .expectException(CampaignNotStartable.class);
    }

    @Test
    void refusesToStartOutsideTheStartEndWindow() {
        Schedule window = new Schedule(null, NOW.plusSeconds(60), null, null);

        fixture.given(new CampaignCreated(ID, WS, Flows.content("W", CONTENT.flow(), window), NOW),
                        publishedNow(), new CampaignStopped(ID, WS, EXECUTION, NOW))
                .when(new StartCampaign(ID, WS, null, "e-2", NOW.plusSeconds(61)))
                .expectNoEvents()
                .expectException(CampaignNotStartable.class);
    }

    @Test
    void refusesToStartWhenItsRunsAreUsedUp() {
        Schedule oneRun = new Schedule(null, null, null, 1);

        fixture.given(new CampaignCreated(ID, WS, Flows.content("Once", CONTENT.flow(), oneRun), NOW),
                        publishedNow(), new CampaignStopped(ID, WS, EXECUTION, NOW))
                .when(new StartCampaign(ID, WS, null, "e-2", NOW))
                .expectNoEvents()
                .expectException(CampaignNotStartable.class);
    }

    @Test
    void finishesNormallyWhenItsOneRunCompletes() {
        fixture.given(created(), publishedNow())
                .when(new CompleteCampaignRun(ID, EXECUTION, ExecutionStatus.COMPLETED, NOW))
                .expectResultMessagePayload(true)
                .expectEvents(new CampaignFinished(ID, WS, EndState.NORMAL, NOW));
    }

    @Test
    void finishesAbnormallyWhenItsOneRunFails() {
        fixture.given(created(), publishedNow())
                .when(new CompleteCampaignRun(ID, EXECUTION, ExecutionStatus.ABNORMAL_END, NOW))
                .expectEvents(new CampaignFinished(ID, WS, EndState.ABNORMAL, NOW));
    }

    @Test
    void ignoresTheEndOfARunThatIsNoLongerItsOwn() {
        fixture.given(created(), publishedNow(), new CampaignStopped(ID, WS, EXECUTION, NOW))
                .when(new CompleteCampaignRun(ID, EXECUTION, ExecutionStatus.STOPPED, NOW))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void refusesToPublishWhenTheWorkspaceHasNoPlaceLeftAndChangesNothing() {
        slots.claim(WS, "other-1", 1, NOW);
        slots.claim(WS, "other-2", 1, NOW);

        fixture.given(created())
                .when(new PublishCampaign(ID, WS, null, null, EXECUTION, NOW))
                .expectNoEvents()
                .expectException(InProgressLimitReached.class);
        assertThat(executionEvents(EXECUTION)).isEmpty();
    }

    @Test
    void aStopFreesThePlaceItsRunHeld() {
        slots.claim(WS, ID, 1, NOW);

        fixture.given(created(), publishedNow())
                .when(new StopCampaign(ID, WS, NOW))
                .expectSuccessfulHandlerExecution();
        assertThat(slots.taken(WS)).isZero();
    }

    @Test
    void aLateStopDoesNotFreeThePlaceOfALaterRestart() {
        slots.claim(WS, ID, 5, NOW);

        slots.release(WS, ID, 2);

        assertThat(slots.taken(WS)).isEqualTo(1);
    }

    @Test
    void copiesAVersionIntoANewDraftNamedAfterIt() {
        fixture.given(created())
                .when(new CopyCampaign(ID, WS, 1, "copy-1", NOW))
                .expectResultMessagePayload("copy-1")
                .expectNoEvents();
        CampaignContent copied = new CampaignContent("Spring reactivation-Copy", null, null, List.of(),
                CONTENT.flow(), CONTENT.schedule());
        assertThat(copyEvents("copy-1")).containsExactly(new CampaignCreated("copy-1", WS, copied, NOW),
                new CampaignCopied("copy-1", WS, ID, 1, NOW));
    }

    @Test
    void refusesToCopyAVersionThatDoesNotExist() {
        fixture.given(created())
                .when(new CopyCampaign(ID, WS, 9, "copy-1", NOW))
                .expectException(NotFoundException.class);
    }

    @Test
    void deletesAStoppedCampaignAndThenKnowsItNoMore() {
        fixture.given(created(), publishedNow(), new CampaignStopped(ID, WS, EXECUTION, NOW),
                        new CampaignDeleted(ID, WS, NOW))
                .when(new StopCampaign(ID, WS, NOW))
                .expectException(NotFoundException.class);
    }

    @Test
    void deletesADraft() {
        fixture.given(created())
                .when(new DeleteCampaign(ID, WS, NOW))
                .expectEvents(new CampaignDeleted(ID, WS, NOW));
    }

    @Test
    void refusesToDeleteARunningCampaign() {
        fixture.given(created(), publishedNow())
                .when(new DeleteCampaign(ID, WS, NOW))
                .expectNoEvents()
                .expectException(CampaignRuleViolations.CampaignNotDeletable.class);
    }

    @Test
    void movesIntoAGroup() {
        fixture.given(created())
                .when(new MoveCampaign(ID, WS, "g-1", NOW))
                .expectEvents(new CampaignMoved(ID, WS, null, "g-1", NOW));
    }

    @Test
    void aMoveIntoItsOwnGroupChangesNothing() {
        fixture.given(created(), new CampaignMoved(ID, WS, null, "g-1", NOW))
                .when(new MoveCampaign(ID, WS, "g-1", NOW))
                .expectNoEvents();
    }

    @Test
    void refusesToStopAVersionThatIsNotTheRunningOne() {
        fixture.given(created(), publishedNow(), new CampaignVersionCreated(ID, WS, 2, 1, CONTENT, NOW))
                .when(new StopCampaignVersion(ID, WS, 2, NOW))
                .expectException(InvalidStateException.class);
    }

    @Test
    void aStopReachesTheRunOfAnOlderVersionWhoseUsersArePinnedToIt() {
        CampaignContent second = Flows.content("Second");

        fixture.given(created(), publishedNow(), new CampaignVersionCreated(ID, WS, 2, 1, second, NOW),
                        new CampaignPublished(ID, WS, 2, CampaignStatus.IN_PROGRESS, "e-2", NOW))
                .when(new StopCampaign(ID, WS, NOW))
                .expectEvents(new CampaignStopped(ID, WS, "e-2", NOW),
                        new CampaignRunStopped(ID, WS, EXECUTION, NOW));
    }

    @Test
    void theEndOfAnOlderVersionsRunLeavesTheCampaignRunning() {
        CampaignContent second = Flows.content("Second");

        fixture.given(created(), publishedNow(), new CampaignVersionCreated(ID, WS, 2, 1, second, NOW),
                        new CampaignPublished(ID, WS, 2, CampaignStatus.IN_PROGRESS, "e-2", NOW))
                .when(new CompleteCampaignRun(ID, EXECUTION, ExecutionStatus.COMPLETED, NOW))
                .expectEvents(new CampaignRunEnded(ID, WS, EXECUTION, ExecutionStatus.COMPLETED, NOW));
    }

    @Test
    void startsAnOlderVersion() {
        CampaignContent second = Flows.content("Second");

        fixture.given(created(), publishedNow(), new CampaignVersionCreated(ID, WS, 2, 1, second, NOW),
                        new CampaignPublished(ID, WS, 2, CampaignStatus.IN_PROGRESS, "e-2", NOW),
                        new CampaignStopped(ID, WS, "e-2", NOW))
                .when(new StartCampaign(ID, WS, 1, "e-3", NOW))
                .expectEvents(new CampaignRestarted(ID, WS, 1, "e-3", NOW));
        assertThat(executionEvents("e-3")).containsExactly(
                new ExecutionStarted("e-3", ID, WS, 1, CONTENT.flow(), NOW));
    }

    @Test
    void aStoppedCampaignCanBeEditedIntoANewVersionAndPublishedAgain() {
        CampaignContent edit = Flows.content("Second");

        fixture.given(created(), publishedNow(), new CampaignStopped(ID, WS, EXECUTION, NOW),
                        new CampaignVersionCreated(ID, WS, 2, 1, edit, NOW))
                .when(new PublishCampaign(ID, WS, null, null, "e-2", NOW))
                .expectEvents(new CampaignPublished(ID, WS, 2, CampaignStatus.IN_PROGRESS, "e-2", NOW));
        assertThat(executionEvents("e-2")).containsExactly(
                new ExecutionStarted("e-2", ID, WS, 2, edit.flow(), NOW));
    }
}
