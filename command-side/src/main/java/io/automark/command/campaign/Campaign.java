package io.automark.command.campaign;

import io.automark.command.campaign.CampaignCommands.CompleteCampaignRun;
import io.automark.command.campaign.CampaignCommands.CopyCampaign;
import io.automark.command.campaign.CampaignCommands.CreateCampaign;
import io.automark.command.campaign.CampaignCommands.DeleteCampaign;
import io.automark.command.campaign.CampaignCommands.MoveCampaign;
import io.automark.command.campaign.CampaignCommands.PublishCampaign;
import io.automark.command.campaign.CampaignCommands.SaveCampaign;
import io.automark.command.campaign.CampaignCommands.StartCampaign;
import io.automark.command.campaign.CampaignCommands.StopCampaign;
import io.automark.command.campaign.CampaignCommands.StopCampaignVersion;
import io.automark.command.campaign.CampaignRuleViolations.CampaignNotDeletable;
import io.automark.command.campaign.CampaignRuleViolations.CampaignNotPublishable;
import io.automark.command.campaign.CampaignRuleViolations.CampaignNotStartable;
import io.automark.command.campaign.CampaignRuleViolations.CampaignNotStoppable;
import io.automark.command.campaign.CampaignDeadlines.EndDue;
import io.automark.command.campaign.CampaignDeadlines.RunDue;
import io.automark.command.campaign.CampaignDeadlines.StartDue;
import io.automark.command.common.InvalidInputException;
import io.automark.command.common.InvalidStateException;
import io.automark.command.common.NotFoundException;
import io.automark.command.common.Problem;
import io.automark.command.common.VersionConflictException;
import io.automark.command.execution.Execution;
import io.automark.command.execution.ExecutionStops;
import io.automark.command.flow.FlowValidator;
import io.automark.command.schedule.CronSchedule;
import io.automark.command.schedule.ScheduleRules;
import io.automark.events.campaign.CampaignContent;
import io.automark.events.campaign.CampaignCopied;
import io.automark.events.campaign.CampaignCreated;
import io.automark.events.campaign.CampaignCreatedFromTemplate;
import io.automark.events.campaign.CampaignDeleted;
import io.automark.events.campaign.CampaignDraftSaved;
import io.automark.events.campaign.CampaignFinished;
import io.automark.events.campaign.CampaignMoved;
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
import io.automark.events.campaign.CampaignVersionCreated;
import io.automark.events.campaign.EndState;
import io.automark.events.campaign.Schedule;
import io.automark.events.execution.ExecutionStatus;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import static io.automark.events.campaign.CampaignStatus.DRAFT;
import static io.automark.events.campaign.CampaignStatus.FINISHED;
import static io.automark.events.campaign.CampaignStatus.IN_PROGRESS;
import static io.automark.events.campaign.CampaignStatus.NOT_STARTED;
import static io.automark.events.campaign.CampaignStatus.STOPPED;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

/**
 * A campaign and its lifecycle rules. Every command handler answers the campaign's new version, which is the
 * number of events in its stream. Versions of the flow are numbered from 1; each stays readable.
 * <p>
 * Schedules are deadlines: a campaign published before its start time sets one for the start, a campaign with an end
 * time one for the end, and a periodic campaign one for its next run, set again after each run. The deadline
 * manager keeps them across restarts; every deadline handler first checks that its deadline is still current.
 */
@Aggregate(cache = "campaignCache")
public class Campaign {

    private static final Logger log = LoggerFactory.getLogger(Campaign.class);
    /** How many missed due times a catch-up run counts at most. */
    private static final int MISSED_RUNS_COUNTED = 1000;

    @AggregateIdentifier
    private String campaignId;
    private String workspaceId;
    private CampaignStatus status;
    private CampaignContent content;
    private final Map<Integer, CampaignContent> versions = new HashMap<>();
    private int flowVersion;
    private int publishedVersion;
    /** Runs started and not yet ended, oldest first; a one-time campaign only counts its latest. */
    private final Set<String> openRuns = new LinkedHashSet<>();
    private Instant nextRunAt;
    private boolean runFailed;
    private boolean startDeferred;
    private int runs;
    private boolean deleted;
    private long version;

    protected Campaign() {
        // Axon rebuilds the campaign from its events through this constructor.
    }

    /**
     * Creates the campaign. A handler on an empty aggregate rather than a constructor: Axon's repository logs a
     * constructor's exception as a warning with its stack trace, and a refused flow is no fault of the service.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public void handle(CreateCampaign command) {
        checkContent(command.content());

        apply(new CampaignCreated(command.campaignId(), command.workspaceId(), command.content(), command.now()));
    }

    /** A copy, spawned by the campaign it copies. */
    Campaign(String copyId, String workspaceId, CampaignContent content, String sourceId, int sourceVersion,
             Instant now) {
        apply(new CampaignCreated(copyId, workspaceId, content, now));
        apply(new CampaignCopied(copyId, workspaceId, sourceId, sourceVersion, now));
    }

    /** A campaign created from a template, spawned by the template. */
    Campaign(String campaignId, String workspaceId, CampaignContent content, String templateId, Instant now) {
        apply(new CampaignCreated(campaignId, workspaceId, content, now));
        apply(new CampaignCreatedFromTemplate(campaignId, workspaceId, templateId, now));
    }

    @CommandHandler
    public long handle(SaveCampaign command) {
        checkWorkspaceAndVersion(command.workspaceId(), command.expectedVersion());

        save(command.content(), command.now());
        return version;
    }

    /**
     * Publishes the current version. Before its start time it is NOT_STARTED with a deadline for the start; else it
     * takes an IN_PROGRESS place and a one-time campaign begins its run, a periodic one schedules its first run.
     */
    @CommandHandler
    public long handle(PublishCampaign command, InProgressSlots slots, DeadlineManager deadlines) {
        checkWorkspaceAndVersion(command.workspaceId(), command.expectedVersion());
        if (command.content() != null) {
            save(command.content(), command.now());
        }
        checkPublishable(command.now());

        Schedule schedule = content.schedule();
        if (startsLater(schedule, command.now())) {
            apply(new CampaignPublished(campaignId, workspaceId, flowVersion, NOT_STARTED, null, command.now()));
            deadlines.schedule(schedule.startAt(), CampaignDeadlines.START, new StartDue(schedule.startAt()));
        } else if (isPeriodic(schedule)) {
            takePlace(slots, command.now());
            apply(new CampaignPublished(campaignId, workspaceId, flowVersion, IN_PROGRESS, null, command.now()));
            scheduleRun(ScheduleRules.firstRun(schedule, command.now()), command.now(), deadlines);
        } else {
            takePlace(slots, command.now());
            apply(new CampaignPublished(campaignId, workspaceId, flowVersion, IN_PROGRESS, command.executionId(),
                    command.now()));
            startExecution(command.executionId(), flowVersion, command.now());
        }
        scheduleEnd(schedule, deadlines);
        return version;
    }

    /** Stops the campaign and every run still in progress; future runs are not made. */
    @CommandHandler
    public long handle(StopCampaign command, InProgressSlots slots, ExecutionStops stops) {
        checkWorkspace(command.workspaceId());
        if (status != IN_PROGRESS && status != NOT_STARTED) {
            throw new CampaignNotStoppable(campaignId, status);
        }
        List<String> runs = List.copyOf(openRuns);
        List<String> earlierRuns = new ArrayList<>(runs);
        String latestRun = earlierRuns.isEmpty() ? null : earlierRuns.remove(earlierRuns.size() - 1);

        apply(new CampaignStopped(campaignId, workspaceId, latestRun, command.now()));
        freePlace(slots);
        earlierRuns.forEach(run -> apply(new CampaignRunStopped(campaignId, workspaceId, run, command.now())));
        // The runs' own ExecutionFinished follows asynchronously; the marks stop their sends before this answer.
        stops.markWhenStored(runs, "campaign stopped", command.now());
        return version;
    }

    @CommandHandler
    public long handle(StopCampaignVersion command, InProgressSlots slots, ExecutionStops stops) {
        checkWorkspace(command.workspaceId());
        checkVersionExists(command.version());
        if (command.version() != publishedVersion) {
            throw new InvalidStateException("version " + command.version() + " of campaign " + campaignId
                    + " is not the version it runs (" + publishedVersion + "); stop that one");
        }
        return handle(new StopCampaign(campaignId, workspaceId, command.now()), slots, stops);
    }

    /** Restarts a stopped campaign with a new run at once; a periodic campaign schedules its next run again. */
    @CommandHandler
    public long handle(StartCampaign command, InProgressSlots slots, DeadlineManager deadlines) {
        checkWorkspace(command.workspaceId());
        if (status != STOPPED) {
            throw new CampaignNotStartable(campaignId, "it is " + status + "; only STOPPED campaigns start");
        }
        int runVersion = command.version() == null ? publishedVersion : command.version();
        checkVersionExists(runVersion);
        Schedule schedule = versions.get(runVersion).schedule();
        checkStartable(schedule, command.now());

        takePlace(slots, command.now());
        apply(new CampaignRestarted(campaignId, workspaceId, runVersion, command.executionId(), command.now()));
        startExecution(command.executionId(), runVersion, command.now());
        if (isPeriodic(schedule)) {
            scheduleRun(nextRunAfter(schedule, command.now()), command.now(), deadlines);
        }
        scheduleEnd(schedule, deadlines);
        return version;
    }

    /**
     * Records the end of one of the campaign's runs. A one-time campaign finishes with it. A periodic campaign
     * finishes when no run is left in progress and none is scheduled: its runs are used up or its next due time lies
     * past its end time. Endings of runs that are no longer the campaign's own change nothing and answer false.
     */
    @CommandHandler
    public boolean handle(CompleteCampaignRun command, InProgressSlots slots) {
        if (status != IN_PROGRESS || !openRuns.contains(command.executionId())) {
            return false;
        }

        if (!isPeriodic(runningSchedule()) && command.executionId().equals(latestRun())) {
            finish(command.status() == ExecutionStatus.COMPLETED ? EndState.NORMAL : EndState.ABNORMAL,
                    command.now(), slots);
            return true;
        }
        if (!isPeriodic(runningSchedule())) {
            // A run of an older version, whose users stayed pinned to it, ended; the newest run goes on.
            apply(new CampaignRunEnded(campaignId, workspaceId, command.executionId(), command.status(),
                    command.now()));
            return true;
        }
        apply(new CampaignRunEnded(campaignId, workspaceId, command.executionId(), command.status(), command.now()));
        if (openRuns.isEmpty() && nextRunAt == null) {
            finish(runFailed ? EndState.ABNORMAL : EndState.NORMAL, command.now(), slots);
        }
        return true;
    }

    /**
     * The start time came. The campaign takes an IN_PROGRESS place and begins its run, or, being periodic,
     * schedules its first run. With no place left it stays NOT_STARTED and tries again every
     * {@link CampaignDeadlines#START_RETRY} until a place frees or its end time passes.
     */
    @DeadlineHandler(deadlineName = CampaignDeadlines.START)
    void on(StartDue due, InProgressSlots slots, DeadlineManager deadlines, Clock clock) {
        Instant now = latest(clock.instant(), due.startAt());
        Schedule schedule = runningSchedule();
        if (status != NOT_STARTED || !due.startAt().equals(schedule.startAt()) || hasEnded(schedule, now)) {
            return;
        }

        try {
            takePlace(slots, now);
        } catch (InProgressLimitReached e) {
            deferStart(due, now, deadlines);
            return;
        }
        log.info("Campaign [{}] of workspace [{}] reached its start time", campaignId, workspaceId);
        if (isPeriodic(schedule)) {
            apply(new CampaignStarted(campaignId, workspaceId, publishedVersion, null, now));
            scheduleRun(ScheduleRules.firstRun(schedule, now), now, deadlines);
        } else {
            String executionId = scheduledExecutionId();
            apply(new CampaignStarted(campaignId, workspaceId, publishedVersion, executionId, now));
            startExecution(executionId, publishedVersion, now);
        }
    }

    /** The end time came: no new user enters, users inside finish their run, the place is freed. */
    @DeadlineHandler(deadlineName = CampaignDeadlines.END)
    void on(EndDue due, InProgressSlots slots, Clock clock) {
        boolean running = status == IN_PROGRESS || status == NOT_STARTED;
        if (!running || !due.endAt().equals(runningSchedule().endAt())) {
            return;
        }

        EndState endState = runFailed ? EndState.ABNORMAL : EndState.NORMAL;
        log.info("Campaign [{}] of workspace [{}] reached its end time and finished {}", campaignId, workspaceId,
                endState);
        finish(endState, latest(clock.instant(), due.endAt()), slots);
    }

    /**
     * A periodic run is due: a new execution begins and the next run is scheduled from now, so due times missed while
     * the service was down collapse into this one run.
     */
    @DeadlineHandler(deadlineName = CampaignDeadlines.RUN)
    void on(RunDue due, DeadlineManager deadlines, Clock clock) {
        Instant now = latest(clock.instant(), due.runAt());
        Schedule schedule = runningSchedule();
        if (status != IN_PROGRESS || !due.runAt().equals(nextRunAt) || hasEnded(schedule, now)) {
            return;
        }

        String executionId = scheduledExecutionId();
        int missed = CronSchedule.of(schedule.recurrence()).countBetween(due.runAt(), now, MISSED_RUNS_COUNTED);
        if (missed > 0) {
            log.warn("Campaign [{}] catches up on its run due at {} with one run; {} later due times passed unrun",
                    campaignId, due.runAt(), missed);
        }
        log.info("Campaign [{}] begins scheduled run {} as execution [{}]", campaignId, runs + 1, executionId);
        apply(new CampaignRunStarted(campaignId, workspaceId, publishedVersion, executionId, runs + 1, due.runAt(),
                missed, now));
        startExecution(executionId, publishedVersion, now);
        scheduleRun(nextRunAfter(schedule, now), now, deadlines);
    }

    @CommandHandler
    public String handle(CopyCampaign command) {
        checkWorkspace(command.workspaceId());
        int sourceVersion = command.version() == null ? flowVersion : command.version();
        checkVersionExists(sourceVersion);

        CampaignContent source = versions.get(sourceVersion);
        CampaignContent copy = new CampaignContent(source.name() + "-Copy", source.description(), source.groupId(),
                source.subCampaigns(), source.flow(), source.schedule());
        try {
            createNew(Campaign.class, () -> new Campaign(command.copyId(), workspaceId, copy, campaignId,
                    sourceVersion, command.now()));
        } catch (Exception e) {
            throw new IllegalStateException("the copy of campaign " + campaignId + " could not be created", e);
        }
        return command.copyId();
    }

    @CommandHandler
    public long handle(MoveCampaign command) {
        checkWorkspace(command.workspaceId());
        if (Objects.equals(content.groupId(), command.groupId())) {
            return version;
        }

        apply(new CampaignMoved(campaignId, workspaceId, content.groupId(), command.groupId(), command.now()));
        return version;
    }

    @CommandHandler
    public long handle(DeleteCampaign command) {
        checkWorkspace(command.workspaceId());
        if (status != DRAFT && status != STOPPED && status != FINISHED) {
            throw new CampaignNotDeletable(campaignId, status);
        }

        apply(new CampaignDeleted(campaignId, workspaceId, command.now()));
        return version;
    }

    private void save(CampaignContent edit, Instant now) {
        checkContent(edit);

        if (status == DRAFT || status == NOT_STARTED) {
            apply(new CampaignDraftSaved(campaignId, workspaceId, flowVersion, edit, now));
        } else {
            apply(new CampaignVersionCreated(campaignId, workspaceId, flowVersion + 1, flowVersion, edit, now));
        }
    }

    /** Lists every problem of the flow and the schedule together. */
    private static void checkContent(CampaignContent edit) {
        List<Problem> problems = new ArrayList<>(FlowValidator.problemsOf(edit.flow()));
        problems.addAll(ScheduleRules.problemsOf(edit.schedule()));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private void checkPublishable(Instant now) {
        boolean newVersion = flowVersion > publishedVersion;
        if (status != DRAFT && !newVersion) {
            throw new CampaignNotPublishable(campaignId, "version " + flowVersion + " is already published");
        }
        // A flow saved before a flow rule came in (or copied from one) was never checked against it; now it runs.
        FlowValidator.check(content.flow());
        Schedule schedule = content.schedule();
        if (schedule.endAt() != null && !schedule.endAt().isAfter(now)) {
            throw new InvalidInputException("schedule.endAt", "the end time has already passed");
        }
        if (schedule.startAt() != null && schedule.endAt() != null && !schedule.startAt().isBefore(schedule.endAt())) {
            throw new InvalidInputException("schedule.startAt", "the start time must come before the end time");
        }
        Problem emptyWindow = ScheduleRules.emptyWindow(schedule, now);
        if (emptyWindow != null) {
            throw new InvalidInputException(List.of(emptyWindow));
        }
    }

    private void checkStartable(Schedule schedule, Instant now) {
        if (status != STOPPED) {
            throw new CampaignNotStartable(campaignId, "it is " + status + "; only STOPPED campaigns start");
        }
        if (startsLater(schedule, now) || hasEnded(schedule, now)) {
            throw new CampaignNotStartable(campaignId, "now is outside its start/end window");
        }
        if (runsUsedUp(schedule)) {
            throw new CampaignNotStartable(campaignId, "its " + schedule.maxRuns() + " runs are used up");
        }
    }

    private void checkVersionExists(int number) {
        if (!versions.containsKey(number)) {
            throw new NotFoundException("version " + number + " of campaign", campaignId);
        }
    }

    /** The schedule of the version that runs, or of the current edit before the first publish. */
    private Schedule runningSchedule() {
        return versions.getOrDefault(publishedVersion, content).schedule();
    }

    private static boolean isPeriodic(Schedule schedule) {
        return schedule.recurrence() != null;
    }

    private static boolean startsLater(Schedule schedule, Instant now) {
        return schedule.startAt() != null && schedule.startAt().isAfter(now);
    }

    private static boolean hasEnded(Schedule schedule, Instant now) {
        return schedule.endAt() != null && !now.isBefore(schedule.endAt());
    }

    private boolean runsUsedUp(Schedule schedule) {
        return schedule.maxRuns() != null && runs >= schedule.maxRuns();
    }

    /** The next due time after {@code after} inside the window, or null when no run is left to make. */
    private Instant nextRunAfter(Schedule schedule, Instant after) {
        Instant next = CronSchedule.of(schedule.recurrence()).nextAfter(after);
        return next == null || hasEnded(schedule, next) ? null : next;
    }

    /** Schedules the next periodic run, unless there is none to make or the runs are used up. */
    private void scheduleRun(Instant runAt, Instant now, DeadlineManager deadlines) {
        if (runAt == null || runsUsedUp(runningSchedule())) {
            return;
        }

        apply(new CampaignRunScheduled(campaignId, workspaceId, runAt, now));
        deadlines.schedule(runAt, CampaignDeadlines.RUN, new RunDue(runAt));
    }

    /** Sets the end deadline; one left from an earlier publish or restart for the same time is harmless. */
    private static void scheduleEnd(Schedule schedule, DeadlineManager deadlines) {
        if (schedule.endAt() != null) {
            deadlines.schedule(schedule.endAt(), CampaignDeadlines.END, new EndDue(schedule.endAt()));
        }
    }

    private void deferStart(StartDue due, Instant now, DeadlineManager deadlines) {
        Instant retryAt = now.plus(CampaignDeadlines.START_RETRY);
        if (!startDeferred) {
            log.warn("Campaign [{}] of workspace [{}] found no IN_PROGRESS place at its start time; it tries again"
                    + " every {}", campaignId, workspaceId, CampaignDeadlines.START_RETRY);
            apply(new CampaignStartDeferred(campaignId, workspaceId, retryAt, now));
        }
        deadlines.schedule(retryAt, CampaignDeadlines.START, due);
    }

    private void finish(EndState endState, Instant now, InProgressSlots slots) {
        apply(new CampaignFinished(campaignId, workspaceId, endState, now));
        freePlace(slots);
    }

    /**
     * The id of a run begun by a deadline. It follows from the campaign and its stream position, so a deadline that
     * fires again after a crash names the same execution.
     */
    private String scheduledExecutionId() {
        return scheduledExecutionId(campaignId, version);
    }

    static String scheduledExecutionId(String campaignId, long sequence) {
        return UUID.nameUUIDFromBytes((campaignId + "/" + sequence).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** JobRunr may fire a deadline up to one poll interval early; its own time then counts as now. */
    private static Instant latest(Instant now, Instant due) {
        return now.isBefore(due) ? due : now;
    }

    /** Takes an IN_PROGRESS place; gives it back if the command does not go through after all. */
    private void takePlace(InProgressSlots slots, Instant now) {
        long startSequence = version;
        if (slots.claim(workspaceId, campaignId, startSequence, now)) {
            CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.onRollback(u -> slots.release(workspaceId,
                    campaignId, startSequence)));
        }
    }

    /** Frees the place once the stop or finish is stored; a crash in between is healed by PlaceKeeper. */
    private void freePlace(InProgressSlots slots) {
        long endSequence = version - 1;
        CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.afterCommit(u -> slots.release(workspaceId,
                campaignId, endSequence)));
    }

    private void startExecution(String executionId, int runVersion, Instant now) {
        try {
            createNew(Execution.class, () -> new Execution(executionId, campaignId, workspaceId, runVersion,
                    versions.get(runVersion).flow(), now));
        } catch (Exception e) {
            throw new IllegalStateException("execution " + executionId + " could not be created", e);
        }
    }

    private void checkWorkspaceAndVersion(String workspace, Long expectedVersion) {
        checkWorkspace(workspace);
        if (expectedVersion != null && expectedVersion != version) {
            throw new VersionConflictException(expectedVersion, version);
        }
    }

    private void checkWorkspace(String workspace) {
        // A campaign of another workspace, or a deleted one, is reported as absent, so ids do not leak.
        if (deleted || !workspaceId.equals(workspace)) {
            throw new NotFoundException("campaign", campaignId);
        }
    }

    @EventSourcingHandler
    void on(CampaignCreated event) {
        campaignId = event.campaignId();
        workspaceId = event.workspaceId();
        content = event.content();
        status = DRAFT;
        flowVersion = 1;
        versions.put(1, content);
        version++;
    }

    @EventSourcingHandler
    void on(CampaignCopied event) {
        version++;
    }

    @EventSourcingHandler
    void on(CampaignCreatedFromTemplate event) {
        version++;
    }

    @EventSourcingHandler
    void on(CampaignDraftSaved event) {
        content = event.content();
        versions.put(flowVersion, content);
        version++;
    }

    @EventSourcingHandler
    void on(CampaignVersionCreated event) {
        content = event.content();
        flowVersion = event.flowVersion();
        versions.put(flowVersion, content);
        version++;
    }

    @EventSourcingHandler
    void on(CampaignPublished event) {
        status = event.status();
        publishedVersion = event.flowVersion();
        nextRunAt = null;
        startDeferred = false;
        startedRun(event.executionId());
        version++;
    }

    @EventSourcingHandler
    void on(CampaignStarted event) {
        status = IN_PROGRESS;
        startDeferred = false;
        startedRun(event.executionId());
        version++;
    }

    @EventSourcingHandler
    void on(CampaignStartDeferred event) {
        startDeferred = true;
        version++;
    }

    @EventSourcingHandler
    void on(CampaignRunScheduled event) {
        nextRunAt = event.runAt();
        version++;
    }

    @EventSourcingHandler
    void on(CampaignRunStarted event) {
        nextRunAt = null;
        startedRun(event.executionId());
        version++;
    }

    @EventSourcingHandler
    void on(CampaignRunEnded event) {
        openRuns.remove(event.executionId());
        runFailed |= event.status() != ExecutionStatus.COMPLETED;
        version++;
    }

    @EventSourcingHandler
    void on(CampaignStopped event) {
        status = STOPPED;
        openRuns.clear();
        nextRunAt = null;
        version++;
    }

    @EventSourcingHandler
    void on(CampaignRunStopped event) {
        version++;
    }

    @EventSourcingHandler
    void on(CampaignRestarted event) {
        status = IN_PROGRESS;
        publishedVersion = event.flowVersion();
        nextRunAt = null;
        startedRun(event.executionId());
        version++;
    }

    private void startedRun(String executionId) {
        if (executionId == null) {
            return;
        }
        // Earlier runs stay open: users inside them are pinned to their version and a stop must reach them too.
        openRuns.add(executionId);
        runs++;
    }

    private String latestRun() {
        String latest = null;
        for (String run : openRuns) {
            latest = run;
        }
        return latest;
    }

    @EventSourcingHandler
    void on(CampaignFinished event) {
        status = FINISHED;
        openRuns.clear();
        nextRunAt = null;
        version++;
    }

    @EventSourcingHandler
    void on(CampaignMoved event) {
        content = new CampaignContent(content.name(), content.description(), event.toGroupId(),
                content.subCampaigns(), content.flow(), content.schedule());
        version++;
    }

    @EventSourcingHandler
    void on(CampaignDeleted event) {
        deleted = true;
        version++;
    }
}
