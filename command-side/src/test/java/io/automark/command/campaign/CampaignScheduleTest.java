package io.automark.command.campaign;

import com.mongodb.client.MongoClients;
import io.automark.command.campaign.CampaignCommands.CompleteCampaignRun;
import io.automark.command.campaign.CampaignCommands.CreateCampaign;
import io.automark.command.campaign.CampaignCommands.PublishCampaign;
import io.automark.command.campaign.CampaignCommands.SaveCampaign;
import io.automark.command.campaign.CampaignCommands.StartCampaign;
import io.automark.command.campaign.CampaignCommands.StopCampaign;
import io.automark.command.campaign.CampaignDeadlines.EndDue;
import io.automark.command.campaign.CampaignDeadlines.RunDue;
import io.automark.command.campaign.CampaignDeadlines.StartDue;
import io.automark.command.common.InvalidInputException;
import io.automark.command.common.Problem;
import io.automark.command.schedule.ScheduleRules;
import io.automark.command.execution.ExecutionStops;
import io.automark.command.support.EmbeddedStore;
import io.automark.command.support.SpawnedAggregates;
import io.automark.command.support.Flows;
import io.automark.events.campaign.CampaignContent;
import io.automark.events.campaign.CampaignCreated;
import io.automark.events.campaign.CampaignFinished;
import io.automark.events.campaign.CampaignPublished;
import io.automark.events.campaign.CampaignRestarted;
import io.automark.events.campaign.CampaignRunEnded;
import io.automark.events.campaign.CampaignRunScheduled;
import io.automark.events.campaign.CampaignRunStarted;
import io.automark.events.campaign.CampaignRunStopped;
import io.automark.events.campaign.CampaignStartDeferred;
import io.automark.events.campaign.CampaignStarted;
import io.automark.events.campaign.CampaignStatus;
import io.automark.events.campaign.CampaignStopped;
import io.automark.events.campaign.EndState;
import io.automark.events.campaign.Schedule;
import io.automark.events.campaign.Schedule.Recurrence;
import io.automark.events.execution.ExecutionStarted;
import io.automark.events.execution.ExecutionStatus;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.automark.command.campaign.Campaign.scheduledExecutionId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schedule rules of a campaign, driven by the fixture's clock: start and end times, periodic runs, the
 * in-progress limit at a scheduled start, missed due times and daylight saving. Nothing here waits for real time.
 */
class CampaignScheduleTest {

    private static final String ID = "c-1";
    private static final String WS = "acme";
    private static final String EXECUTION = "e-1";
    /** A Thursday; Europe/Berlin is on winter time (UTC+1). */
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final Instant START = NOW.plus(Duration.ofDays(1));
    private static final Instant END = NOW.plus(Duration.ofDays(10));
    /** Every day at 09:00 in Berlin, 08:00 UTC in winter. */
    private static final Recurrence DAILY_AT_NINE = new Recurrence("0 0 9 * * *", "Europe/Berlin");
    private static final Instant FIRST_RUN = Instant.parse("2026-12-04T08:00:00Z");
    private static final Instant SECOND_RUN = Instant.parse("2026-12-05T08:00:00Z");

    private AggregateTestFixture<Campaign> fixture;
    private SpawnedAggregates spawned;
    private InProgressSlots slots;
    private ExecutionStops stops;
    /** How late the service fires deadlines, as when it was down at their time. */
    private Duration lateBy = Duration.ZERO;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Campaign.class);
        spawned = new SpawnedAggregates();
        fixture.registerRepositoryProvider(spawned);
        MongoTemplate store = new MongoTemplate(MongoClients.create(EmbeddedStore.uri("fixtures")),
                "schedule-" + UUID.randomUUID());
        slots = new InProgressSlots(store, 2);
        fixture.registerInjectableResource(slots);
        stops = new ExecutionStops(store);
        fixture.registerInjectableResource(stops);
        fixture.registerInjectableResource(new FixtureClock(() -> fixture.currentTime().plus(lateBy)));
        fixture.givenCurrentTime(NOW);
    }

    private static CampaignContent scheduled(Schedule schedule) {
        return Flows.content("Scheduled", Flows.content("x").flow(), schedule);
    }

    private static CampaignCreated created(Schedule schedule) {
        return new CampaignCreated(ID, WS, scheduled(schedule), NOW);
    }

    private static PublishCampaign publish(Instant at) {
        return new PublishCampaign(ID, WS, null, null, EXECUTION, at);
    }

    private static Schedule daily(Instant startAt, Instant endAt, Integer maxRuns) {
        return new Schedule(startAt, endAt, DAILY_AT_NINE, maxRuns);
    }

    private List<Object> executionEvents(String executionId) {
        return spawned.payloads(executionId);
    }

    private void fillTheWorkspace() {
        slots.claim(WS, "other-1", 1, NOW);
        slots.claim(WS, "other-2", 1, NOW);
    }

    // The start time

    @Test
    void publishingBeforeTheStartTimeSetsADeadlineForIt() {
        fixture.given(created(new Schedule(START, null, null, null)))
                .when(publish(NOW))
                .expectEvents(new CampaignPublished(ID, WS, 1, CampaignStatus.NOT_STARTED, null, NOW))
                .expectScheduledDeadline(START, new StartDue(START));
        assertThat(slots.taken(WS)).isZero();
    }

    @Test
    void theStartTimeStartsTheCampaignAndItsRun() {
        String run = scheduledExecutionId(ID, 2);

        fixture.given(created(new Schedule(START, null, null, null)))
                .andGivenCommands(publish(NOW))
                .whenTimeAdvancesTo(START)
                .expectTriggeredDeadlines(new StartDue(START))
                .expectEvents(new CampaignStarted(ID, WS, 1, run, START));
        assertThat(executionEvents(run)).containsExactly(
                new ExecutionStarted(run, ID, WS, 1, scheduled(Schedule.NONE).flow(), START));
        assertThat(slots.taken(WS)).isEqualTo(1);
    }

    @Test
    void aStartMissedWhileTheServiceWasDownHappensWhenItIsBack() {
        lateBy = Duration.ofHours(5);
        String run = scheduledExecutionId(ID, 2);

        fixture.given(created(new Schedule(START, null, null, null)))
                .andGivenCommands(publish(NOW))
                .whenTimeAdvancesTo(START)
                .expectEvents(new CampaignStarted(ID, WS, 1, run, START.plus(lateBy)));
    }

    @Test
    void aStartMissedUntilAfterTheEndTimeNeverHappensAndTheEndFinishesTheCampaign() {
        Instant end = START.plus(Duration.ofHours(1));
        lateBy = Duration.ofHours(2);

        fixture.given(created(new Schedule(START, end, null, null)))
                .andGivenCommands(publish(NOW))
                .whenTimeAdvancesTo(end)
                .expectEvents(new CampaignFinished(ID, WS, EndState.NORMAL, end.plus(lateBy)));
        assertThat(executionEvents(scheduledExecutionId(ID, 2))).isEmpty();
    }

    @Test
    void aStartWithNoPlaceLeftIsRecordedOnceAndTriedAgainEachMinute() {
        fillTheWorkspace();
        Instant firstRetry = START.plus(CampaignDeadlines.START_RETRY);

        fixture.given(created(new Schedule(START, null, null, null)))
                .andGivenCommands(publish(NOW))
                .whenTimeAdvancesTo(firstRetry.plusSeconds(30))
                .expectEvents(new CampaignStartDeferred(ID, WS, firstRetry, START))
                .expectTriggeredDeadlines(new StartDue(START), new StartDue(START))
                .expectScheduledDeadline(firstRetry.plus(CampaignDeadlines.START_RETRY), new StartDue(START));
    }

    @Test
    void aDeferredStartBeginsOnceAPlaceFrees() {
        fillTheWorkspace();
        AtomicInteger attempts = new AtomicInteger();
        fixture.registerDeadlineHandlerInterceptor((unitOfWork, chain) -> {
            if (attempts.incrementAndGet() == 2) {
                slots.release(WS, "other-1", 1);
            }
            return chain.proceed();
        });
        Instant firstRetry = START.plus(CampaignDeadlines.START_RETRY);
        String run = scheduledExecutionId(ID, 3);

        fixture.given(created(new Schedule(START, null, null, null)))
                .andGivenCommands(publish(NOW))
                .whenTimeAdvancesTo(firstRetry)
                .expectEvents(new CampaignStartDeferred(ID, WS, firstRetry, START),
                        new CampaignStarted(ID, WS, 1, run, firstRetry));
    }

    @Test
    void aStartStillWaitingForAPlaceAtTheEndTimeEndsThere() {
        fillTheWorkspace();
        Instant end = START.plus(Duration.ofMinutes(2));

        fixture.given(created(new Schedule(START, end, null, null)))
                .andGivenCommands(publish(NOW))
                .whenTimeAdvancesTo(end.plus(Duration.ofMinutes(5)))
                .expectEvents(new CampaignStartDeferred(ID, WS, START.plus(CampaignDeadlines.START_RETRY), START),
                        new CampaignFinished(ID, WS, EndState.NORMAL, end))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aStartTimeReplacedByALaterPublishIsIgnored() {
        Instant later = START.plus(Duration.ofDays(2));
        CampaignContent moved = scheduled(new Schedule(later, null, null, null));

        fixture.given(created(new Schedule(START, null, null, null)))
                .andGivenCommands(publish(NOW), new StopCampaign(ID, WS, NOW), new SaveCampaign(ID, WS, moved, null,
                        NOW), publish(NOW))
                .whenTimeAdvancesTo(START)
                .expectTriggeredDeadlines(new StartDue(START))
                .expectNoEvents()
                .expectScheduledDeadline(later, new StartDue(later));
    }

    // The end time

    @Test
    void theEndTimeFinishesARunningCampaignNormallyAndLetsItsRunGoOn() {
        fixture.given(created(new Schedule(null, END, null, null)))
                .andGivenCommands(publish(NOW))
                .whenTimeAdvancesTo(END)
                .expectTriggeredDeadlines(new EndDue(END))
                .expectEvents(new CampaignFinished(ID, WS, EndState.NORMAL, END));
        assertThat(executionEvents(EXECUTION)).hasSize(1);
        assertThat(slots.taken(WS)).isZero();
    }

    @Test
    void theEndOfARunAfterTheEndTimeChangesNothing() {
        fixture.given(created(new Schedule(null, END, null, null)))
                .andGivenCommands(publish(NOW))
                .andGiven(new CampaignFinished(ID, WS, EndState.NORMAL, END))
                .when(new CompleteCampaignRun(ID, EXECUTION, ExecutionStatus.ABNORMAL_END, END.plusSeconds(60)))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void theEndTimeOfAStoppedCampaignLeavesItStopped() {
        fixture.given(created(new Schedule(null, END, null, null)))
                .andGivenCommands(publish(NOW), new StopCampaign(ID, WS, NOW))
                .whenTimeAdvancesTo(END)
                .expectNoEvents();
    }

    // Periodic campaigns

    @Test
    void publishingAPeriodicCampaignSchedulesItsFirstRunAndHoldsAPlace() {
        fixture.given(created(daily(null, null, null)))
                .when(publish(NOW))
                .expectEvents(new CampaignPublished(ID, WS, 1, CampaignStatus.IN_PROGRESS, null, NOW),
                        new CampaignRunScheduled(ID, WS, FIRST_RUN, NOW))
                .expectScheduledDeadline(FIRST_RUN, new RunDue(FIRST_RUN));
        assertThat(slots.taken(WS)).isEqualTo(1);
    }

    @Test
    void aPeriodicCampaignPublishedBeforeItsStartTimeRunsFirstAtTheFirstDueTimeAfterIt() {
        Instant start = Instant.parse("2026-12-10T12:00:00Z");
        Instant firstAfterStart = Instant.parse("2026-12-11T08:00:00Z");

        fixture.given(created(daily(start, null, null)))
                .andGivenCommands(publish(NOW))
                .whenTimeAdvancesTo(start)
                .expectEvents(new CampaignStarted(ID, WS, 1, null, start),
                        new CampaignRunScheduled(ID, WS, firstAfterStart, start))
                .expectScheduledDeadline(firstAfterStart, new RunDue(firstAfterStart));
    }

    @Test
    void eachDueTimeStartsANewExecutionAndSchedulesTheNextRun() {
        String firstRun = scheduledExecutionId(ID, 3);

        fixture.given(created(daily(null, null, null)))
                .andGivenCommands(publish(NOW))
                .whenTimeAdvancesTo(FIRST_RUN)
                .expectEvents(new CampaignRunStarted(ID, WS, 1, firstRun, 1, FIRST_RUN, 0, FIRST_RUN),
                        new CampaignRunScheduled(ID, WS, SECOND_RUN, FIRST_RUN))
                .expectScheduledDeadline(SECOND_RUN, new RunDue(SECOND_RUN));
        assertThat(executionEvents(firstRun)).hasSize(1);
    }

    @Test
    void twoDueTimesMakeTwoExecutions() {
        String firstRun = scheduledExecutionId(ID, 3);
        String secondRun = scheduledExecutionId(ID, 5);

        fixture.given(created(daily(null, null, null)))
                .andGivenCommands(publish(NOW))
                .whenTimeAdvancesTo(SECOND_RUN)
                .expectEvents(new CampaignRunStarted(ID, WS, 1, firstRun, 1, FIRST_RUN, 0, FIRST_RUN),
                        new CampaignRunScheduled(ID, WS, SECOND_RUN, FIRST_RUN),
                        new CampaignRunStarted(ID, WS, 1, secondRun, 2, SECOND_RUN, 0, SECOND_RUN),
                        new CampaignRunScheduled(ID, WS, SECOND_RUN.plus(Duration.ofDays(1)), SECOND_RUN));
        assertThat(executionEvents(firstRun)).hasSize(1);
        assertThat(executionEvents(secondRun)).hasSize(1);
    }

    @Test
    void theTimeBetweenRunsCountsAsInProgress() {
        String firstRun = scheduledExecutionId(ID, 3);

        fixture.given(created(daily(null, null, null)))
                .andGivenCommands(publish(NOW))
                .andGiven(new CampaignRunStarted(ID, WS, 1, firstRun, 1, FIRST_RUN, 0, FIRST_RUN),
                        new CampaignRunScheduled(ID, WS, SECOND_RUN, FIRST_RUN))
                .when(new CompleteCampaignRun(ID, firstRun, ExecutionStatus.COMPLETED, FIRST_RUN.plusSeconds(600)))
                .expectResultMessagePayload(true)
                .expectEvents(new CampaignRunEnded(ID, WS, firstRun, ExecutionStatus.COMPLETED,
                        FIRST_RUN.plusSeconds(600)));
        assertThat(slots.taken(WS)).isEqualTo(1);
    }

    @Test
    void theLastOfItsMaxRunsSchedulesNoFurtherRun() {
        String firstRun = scheduledExecutionId(ID, 3);
        String lastRun = scheduledExecutionId(ID, 5);

        fixture.given(created(daily(null, null, 2)))
                .andGivenCommands(publish(NOW))
                .whenTimeAdvancesTo(SECOND_RUN.plus(Duration.ofDays(3)))
                .expectEvents(new CampaignRunStarted(ID, WS, 1, firstRun, 1, FIRST_RUN, 0, FIRST_RUN),
                        new CampaignRunScheduled(ID, WS, SECOND_RUN, FIRST_RUN),
                        new CampaignRunStarted(ID, WS, 1, lastRun, 2, SECOND_RUN, 0, SECOND_RUN))
                .expectNoScheduledDeadlines();
        assertThat(executionEvents(lastRun)).hasSize(1);
    }

    @Test
    void afterItsMaxRunsItFinishesNormallyWhenTheLastRunEnds() {
        Instant ended = SECOND_RUN.plusSeconds(60);
        slots.claim(WS, ID, 1, NOW);

        fixture.given(created(daily(null, null, 2)),
                        new CampaignPublished(ID, WS, 1, CampaignStatus.IN_PROGRESS, null, NOW),
                        new CampaignRunStarted(ID, WS, 1, "r-1", 1, FIRST_RUN, 0, FIRST_RUN),
                        new CampaignRunEnded(ID, WS, "r-1", ExecutionStatus.COMPLETED, FIRST_RUN),
                        new CampaignRunStarted(ID, WS, 1, "r-2", 2, SECOND_RUN, 0, SECOND_RUN))
                .when(new CompleteCampaignRun(ID, "r-2", ExecutionStatus.COMPLETED, ended))
                .expectEvents(new CampaignRunEnded(ID, WS, "r-2", ExecutionStatus.COMPLETED, ended),
                        new CampaignFinished(ID, WS, EndState.NORMAL, ended));
        assertThat(slots.taken(WS)).isZero();
    }

    @Test
    void afterItsMaxRunsItFinishesAbnormallyWhenARunFailed() {
        fixture.given(created(daily(null, null, 2)),
                        new CampaignPublished(ID, WS, 1, CampaignStatus.IN_PROGRESS, null, NOW),
                        new CampaignRunStarted(ID, WS, 1, "r-1", 1, FIRST_RUN, 0, FIRST_RUN),
                        new CampaignRunEnded(ID, WS, "r-1", ExecutionStatus.ABNORMAL_END, FIRST_RUN),
                        new CampaignRunStarted(ID, WS, 1, "r-2", 2, SECOND_RUN, 0, SECOND_RUN))
                .when(new CompleteCampaignRun(ID, "r-2", ExecutionStatus.COMPLETED, SECOND_RUN))
                .expectEvents(new CampaignRunEnded(ID, WS, "r-2", ExecutionStatus.COMPLETED, SECOND_RUN),
                        new CampaignFinished(ID, WS, EndState.ABNORMAL, SECOND_RUN));
    }

    @Test
    void itFinishesOnlyOnceEveryOverlappingRunHasEnded() {
        fixture.given(created(daily(null, null, 2)),
                        new CampaignPublished(ID, WS, 1, CampaignStatus.IN_PROGRESS, null, NOW),
                        new CampaignRunStarted(ID, WS, 1, "r-1", 1, FIRST_RUN, 0, FIRST_RUN),
                        new CampaignRunStarted(ID, WS, 1, "r-2", 2, SECOND_RUN, 0, SECOND_RUN))
                .when(new CompleteCampaignRun(ID, "r-2", ExecutionStatus.COMPLETED, SECOND_RUN))
                .expectEvents(new CampaignRunEnded(ID, WS, "r-2", ExecutionStatus.COMPLETED, SECOND_RUN));
    }

    @Test
    void stoppingOneExecutionDoesNotCancelTheNextRun() {
        String nextRun = scheduledExecutionId(ID, 7);

        fixture.given(created(daily(null, null, null)))
                .andGivenCommands(publish(NOW), new StopCampaign(ID, WS, NOW),
                        new StartCampaign(ID, WS, null, "e-2", NOW),
                        new CompleteCampaignRun(ID, "e-2", ExecutionStatus.STOPPED, NOW.plusSeconds(60)))
                .whenTimeAdvancesTo(FIRST_RUN)
                .expectEvents(new CampaignRunStarted(ID, WS, 1, nextRun, 2, FIRST_RUN, 0, FIRST_RUN),
                        new CampaignRunScheduled(ID, WS, SECOND_RUN, FIRST_RUN));
    }

    @Test
    void theEndOfOneStoppedExecutionIsRecordedAndTheCampaignRunsOn() {
        fixture.given(created(daily(null, null, null)))
                .andGivenCommands(publish(NOW), new StopCampaign(ID, WS, NOW),
                        new StartCampaign(ID, WS, null, "e-2", NOW))
                .when(new CompleteCampaignRun(ID, "e-2", ExecutionStatus.STOPPED, NOW.plusSeconds(60)))
                .expectResultMessagePayload(true)
                .expectEvents(new CampaignRunEnded(ID, WS, "e-2", ExecutionStatus.STOPPED, NOW.plusSeconds(60)));
        assertThat(slots.taken(WS)).isEqualTo(1);
    }

    @Test
    void stoppingTheCampaignCancelsItsFutureRuns() {
        fixture.given(created(daily(null, null, null)))
                .andGivenCommands(publish(NOW), new StopCampaign(ID, WS, NOW))
                .whenTimeAdvancesTo(SECOND_RUN)
                .expectTriggeredDeadlines(new RunDue(FIRST_RUN))
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void stoppingTheCampaignStopsEveryRunStillInProgress() {
        fixture.given(created(daily(null, null, null)),
                        new CampaignPublished(ID, WS, 1, CampaignStatus.IN_PROGRESS, null, NOW),
                        new CampaignRunStarted(ID, WS, 1, "r-1", 1, FIRST_RUN, 0, FIRST_RUN),
                        new CampaignRunStarted(ID, WS, 1, "r-2", 2, SECOND_RUN, 0, SECOND_RUN))
                .when(new StopCampaign(ID, WS, SECOND_RUN))
                .expectEvents(new CampaignStopped(ID, WS, "r-2", SECOND_RUN),
                        new CampaignRunStopped(ID, WS, "r-1", SECOND_RUN));
    }

    @Test
    void restartingRunsAtOnceAndArmsTheNextRunAgain() {
        Instant restart = FIRST_RUN.plus(Duration.ofHours(3));

        fixture.given(created(daily(null, null, null)))
                .andGivenCommands(publish(NOW), new StopCampaign(ID, WS, NOW))
                .when(new StartCampaign(ID, WS, null, "e-2", restart))
                .expectEvents(new CampaignRestarted(ID, WS, 1, "e-2", restart),
                        new CampaignRunScheduled(ID, WS, SECOND_RUN, restart))
                .expectScheduledDeadline(SECOND_RUN, new RunDue(SECOND_RUN));
        assertThat(executionEvents("e-2")).hasSize(1);
    }

    @Test
    void dueTimesMissedWhileTheServiceWasDownCollapseIntoOneCatchUpRun() {
        lateBy = Duration.ofDays(3).plusHours(2);
        Instant back = FIRST_RUN.plus(lateBy);
        String catchUp = scheduledExecutionId(ID, 3);

        fixture.given(created(daily(null, null, null)))
                .andGivenCommands(publish(NOW))
                .whenTimeAdvancesTo(FIRST_RUN)
                .expectEvents(new CampaignRunStarted(ID, WS, 1, catchUp, 1, FIRST_RUN, 3, back),
                        new CampaignRunScheduled(ID, WS, FIRST_RUN.plus(Duration.ofDays(4)), back));
    }

    @Test
    void aRunDueAfterTheServiceCameBackPastTheEndTimeIsNotMade() {
        Instant end = FIRST_RUN.plus(Duration.ofHours(12));
        lateBy = Duration.ofDays(1);

        fixture.given(created(daily(null, end, null)))
                .andGivenCommands(publish(NOW))
                .whenTimeAdvancesTo(end)
                .expectEvents(new CampaignFinished(ID, WS, EndState.NORMAL, end.plus(lateBy)));
    }

    @Test
    void theEndTimeFinishesAPeriodicCampaignBetweenRuns() {
        Instant end = FIRST_RUN.plus(Duration.ofHours(12));
        String firstRun = scheduledExecutionId(ID, 3);

        fixture.given(created(daily(null, end, null)))
                .andGivenCommands(publish(NOW))
                .whenTimeAdvancesTo(SECOND_RUN)
                .expectEvents(new CampaignRunStarted(ID, WS, 1, firstRun, 1, FIRST_RUN, 0, FIRST_RUN),
                        new CampaignFinished(ID, WS, EndState.NORMAL, end))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aPeriodicCampaignWhoseLastRunInItsWindowEndsFinishesThen() {
        Instant end = FIRST_RUN.plus(Duration.ofHours(12));
        Instant ended = FIRST_RUN.plusSeconds(60);

        fixture.given(created(daily(null, end, null)),
                        new CampaignPublished(ID, WS, 1, CampaignStatus.IN_PROGRESS, null, NOW),
                        new CampaignRunStarted(ID, WS, 1, "r-1", 1, FIRST_RUN, 0, FIRST_RUN))
                .when(new CompleteCampaignRun(ID, "r-1", ExecutionStatus.COMPLETED, ended))
                .expectEvents(new CampaignRunEnded(ID, WS, "r-1", ExecutionStatus.COMPLETED, ended),
                        new CampaignFinished(ID, WS, EndState.NORMAL, ended));
    }

    // Daylight saving

    @Test
    void aLocalTimeThatDoesNotExistRunsOnceAnHourLaterOnTheSummerClock() {
        Instant saturday = Instant.parse("2026-03-28T12:00:00Z");
        Instant springForward = Instant.parse("2026-03-29T01:30:00Z");
        Instant monday = Instant.parse("2026-03-30T00:30:00Z");
        fixture.givenCurrentTime(saturday);
        Schedule halfPastTwo = new Schedule(null, null, new Recurrence("0 30 2 * * *", "Europe/Berlin"), null);

        fixture.given(new CampaignCreated(ID, WS, scheduled(halfPastTwo), saturday))
                .andGivenCommands(publish(saturday))
                .whenTimeAdvancesTo(springForward)
                .expectEvents(new CampaignRunStarted(ID, WS, 1, scheduledExecutionId(ID, 3), 1, springForward, 0,
                                springForward),
                        new CampaignRunScheduled(ID, WS, monday, springForward));
    }

    @Test
    void aLocalTimeThatOccursTwiceRunsOnlyAtItsFirstOccurrence() {
        Instant saturday = Instant.parse("2026-10-31T12:00:00Z");
        Instant fallBack = Instant.parse("2026-11-01T05:30:00Z");
        Instant monday = Instant.parse("2026-11-02T06:30:00Z");
        fixture.givenCurrentTime(saturday);
        Schedule halfPastOne = new Schedule(null, null, new Recurrence("0 30 1 * * *", "America/New_York"), null);

        fixture.given(new CampaignCreated(ID, WS, scheduled(halfPastOne), saturday))
                .andGivenCommands(publish(saturday))
                .whenTimeAdvancesTo(monday.minusSeconds(1))
                .expectEvents(new CampaignRunStarted(ID, WS, 1, scheduledExecutionId(ID, 3), 1, fallBack, 0,
                                fallBack),
                        new CampaignRunScheduled(ID, WS, monday, fallBack));
    }

    // Validation

    @Test
    void refusesACronExpressionThatIsNotOne() {
        Schedule broken = new Schedule(null, null, new Recurrence("every day at nine", "Europe/Berlin"), null);

        fixture.givenNoPriorActivity()
                .when(new CreateCampaign(ID, WS, scheduled(broken), NOW))
                .expectNoEvents()
                .expectException(InvalidInputException.class);
        assertThat(ScheduleRules.problemsOf(broken)).extracting(Problem::field)
                .containsExactly("schedule.recurrence.cron");
    }

    @Test
    void refusesAnUnknownTimeZone() {
        Schedule broken = new Schedule(null, null, new Recurrence("0 0 9 * * *", "Mars/Olympus"), null);

        fixture.given(created(Schedule.NONE))
                .when(new SaveCampaign(ID, WS, scheduled(broken), null, NOW))
                .expectNoEvents()
                .expectException(InvalidInputException.class);
        assertThat(ScheduleRules.problemsOf(broken)).extracting(Problem::field)
                .containsExactly("schedule.recurrence.timeZone");
    }

    @Test
    void refusesToPublishAPeriodicCampaignWhoseWindowHoldsNoRun() {
        Schedule tooShort = daily(NOW.plusSeconds(60), NOW.plusSeconds(120), null);

        fixture.given(created(tooShort))
                .when(publish(NOW))
                .expectNoEvents()
                .expectException(InvalidInputException.class);
    }

}
