package io.automark.command.execution;

import io.automark.command.audience.AudienceDescriptor;
import io.automark.command.audience.AudienceMember;
import io.automark.command.audience.AudienceStore;
import io.automark.command.component.BatchContext;
import io.automark.command.execution.BatchRecorder.RunOf;
import io.automark.command.execution.BatchRouter.GivenUp;
import io.automark.command.execution.BatchRouter.RoutedBatch;
import io.automark.command.execution.BatchWindow.BatchOutcome;
import io.automark.command.execution.ExecutionCommands.FinishExecution;
import io.automark.command.flow.FlowGraph;
import io.automark.command.waiting.ResumeBatches;
import io.automark.command.waiting.WaitingUsers;
import io.automark.events.execution.ExecutionStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * Runs a claimed job batch by batch: reads a chunk of the audience, routes it through the flow, records the
 * outcomes as one event, then moves the job on. Up to {@code automark.execution.batch-window} batches of a job run
 * side by side ({@link BatchWindow}); the job moves on only over the batches recorded without a gap. Recording comes
 * before moving on, so a crash in between only makes the next holder record the same batches again, which the
 * execution refuses as already recorded.
 *
 * <p>A batch that throws (a bug, a corrupt chunk: anything but a component failure the flow reports) is run again:
 * the job counts the failed attempt and is handed back for a back-off, after which any instance resumes it at that
 * batch. The batch's last attempt ({@code automark.execution.max-batch-attempts}) gives up what throws instead: the
 * users end FAILED at the component that threw, or at the entry when their chunk cannot be read, the batch is
 * recorded, and the run goes on with the rest of its audience and ends ABNORMAL_END. Channels send again only what
 * their delivery ledger lacks, on every attempt.
 */
class ExecutionRunner {

    private static final Logger log = LoggerFactory.getLogger(ExecutionRunner.class);

    private final ExecutionJobStore jobs;
    private final AudienceStore audiences;
    private final BatchRouter router;
    private final CommandGateway commands;
    private final Clock clock;
    private final Duration lease;
    private final Counter usersProcessed;
    private final GeneratedAudiences generated;
    private final BatchRecorder recorder;
    private final WaitingUsers waits;
    private final ResumeBatches resumes;
    private final ExecutionStops stops;
    private final Executor batches;
    private final int windowSize;
    private final ExecutionProperties settings;

    /**
     * @param batches runs the batches of a job side by side
     */
    ExecutionRunner(ExecutionJobStore jobs, AudienceStore audiences, BatchRouter router, BatchRecorder recorder,
                    WaitingUsers waits, ResumeBatches resumes, ExecutionStops stops, CommandGateway commands,
                    Clock clock, ExecutionProperties settings, Executor batches, MeterRegistry meters) {
        this.jobs = jobs;
        this.batches = batches;
        this.windowSize = settings.batchWindow();
        this.settings = settings;
        this.stops = stops;
        this.audiences = audiences;
        this.router = router;
        this.recorder = recorder;
        this.waits = waits;
        this.resumes = resumes;
        this.commands = commands;
        this.clock = clock;
        this.lease = settings.lease();
        this.usersProcessed = meters.counter("automark.execution.users.processed");
        this.generated = new GeneratedAudiences(audiences, commands, clock);
    }

    /**
     * Runs the job until it ends, another worker takes it over, or {@code keepGoing} turns false (the process is
     * shutting down); in the last case the job is handed back at once so that another instance resumes it.
     */
    void run(ExecutionJob job, String owner, BooleanSupplier keepGoing) {
        Optional<AudienceDescriptor> audience = audiences.find(job.audienceId())
                .filter(found -> found.ready() && found.workspaceId().equals(job.workspaceId()));
        if (audience.isEmpty()) {
            finish(job, ExecutionStatus.ABNORMAL_END, "audience " + job.audienceId() + " cannot be loaded");
            return;
        }

        List<String> failures = new ArrayList<>(job.failures());
        long chunks = audience.get().chunks();
        BatchWindow window = new BatchWindow(batches, windowSize, job.nextBatch());
        Halt halt = runBatches(job, owner, keepGoing, chunks, window, failures);

        if (window.failure() != null) {
            throw window.failure();
        }
        if (!window.thrown().isEmpty() && halt != Halt.STOPPED && halt != Halt.LEFT) {
            retryLater(job, owner, window.thrown());
            return;
        }
        if (halt != Halt.NONE) {
            leave(job, owner, halt, window.recordedUpTo());
            return;
        }
        if (stops.stopped(job.executionId())) {
            // The last batch was cut short by the stop: the run must not be finished as COMPLETED.
            endStopped(job, chunks);
            return;
        }
        if (stillWaiting(job.executionId())) {
            jobs.drain(job.executionId(), owner);
            log.info("Execution [{}] of campaign [{}] went through its audience; it ends when no user waits",
                    job.executionId(), job.campaignId());
            return;
        }
        complete(job, chunks, failures);
    }

    /**
     * Runs the job's batches from its next one, up to the window's size at a time, and moves the job on as they are
     * recorded. Once a batch may not start (or one threw), the batches in flight still end and are recorded.
     *
     * @return why it stopped before the audience's end, or {@link Halt#NONE} when every batch was recorded
     */
    private Halt runBatches(ExecutionJob job, String owner, BooleanSupplier keepGoing, long chunks,
                            BatchWindow window, List<String> failures) {
        FlowGraph flow = FlowGraph.of(job.flow());
        Halt halt = Halt.NONE;
        long next = job.nextBatch();

        while (true) {
            while (halt == Halt.NONE && next < chunks && window.mayStart(next)) {
                halt = haltBefore(job, owner, keepGoing);
                if (halt == Halt.NONE) {
                    long batch = next++;
                    window.start(batch, () -> runBatch(job, owner, flow, batch));
                }
            }
            if (window.isEmpty()) {
                return halt;
            }

            Optional<BatchWindow.Ran> ended = window.awaitNext(lease.dividedBy(3));
            ended.ifPresent(ran -> logNewFailures(job, ran.outcome().failures(), failures));
            if (halt != Halt.LEFT && !movedOn(job, owner, window, ended)) {
                // The execution ended, or another worker holds the job now: it is theirs to move on.
                halt = Halt.LEFT;
            }
        }
    }

    /**
     * Moves the job over the batches recorded so far and renews its lease; also when no batch ended within a third of
     * the lease, so that batches slowed down (by a slow receiver, say) are not taken over while they still send.
     *
     * @return false when the execution ended or another worker holds the job now
     */
    private boolean movedOn(ExecutionJob job, String owner, BatchWindow window, Optional<BatchWindow.Ran> ended) {
        boolean executionEnded = ended.isPresent() && ended.get().refused();
        List<String> found = ended.map(ran -> ran.outcome().failures()).orElse(List.of());
        return !executionEnded && jobs.advance(job.executionId(), owner, window.recordedUpTo(), found,
                clock.instant(), lease);
    }

    private void leave(ExecutionJob job, String owner, Halt halt, long recordedUpTo) {
        switch (halt) {
            case HANDED_BACK -> {
                jobs.postpone(job.executionId(), owner, clock.instant(), Duration.ZERO);
                log.info("Execution [{}] handed back at batch {} as this instance stops", job.executionId(),
                        recordedUpTo);
            }
            case STOPPED -> endStopped(job, recordedUpTo);
            default -> log.info("Execution [{}] left at batch {}: stopped or taken over", job.executionId(),
                    recordedUpTo);
        }
    }

    /**
     * Counts a failed attempt of each batch that threw and hands the job back for the back-off of the first of them,
     * where the job resumes; this or another instance then runs them again, the last time giving up what throws.
     */
    private void retryLater(ExecutionJob job, String owner, SortedMap<Long, RuntimeException> thrown) {
        Duration delay = null;
        for (Map.Entry<Long, RuntimeException> failed : thrown.entrySet()) {
            OptionalInt attempts = jobs.countFailedAttempt(job.executionId(), owner, failed.getKey());
            if (attempts.isEmpty()) {
                log.info("Execution [{}] left at batch {}: stopped or taken over", job.executionId(),
                        failed.getKey());
                return;
            }
            delay = delay == null ? settings.retryDelayAfter(attempts.getAsInt()) : delay;
            log.warn("Execution [{}] of campaign [{}]: attempt {} of batch {} failed (the batch is given up after {});"
                            + " it runs again in {}: {}", job.executionId(), job.campaignId(), attempts.getAsInt(),
                    failed.getKey(), settings.maxBatchAttempts(), delay, BatchFailure.describe(failed.getValue()));
        }
        jobs.postpone(job.executionId(), owner, clock.instant(), delay);
    }

    /** Why no further batch may start, checked before each: shutdown, a stop, or the job no longer held. */
    private Halt haltBefore(ExecutionJob job, String owner, BooleanSupplier keepGoing) {
        if (!keepGoing.getAsBoolean()) {
            return Halt.HANDED_BACK;
        }
        if (stops.stopped(job.executionId())) {
            return Halt.STOPPED;
        }
        return jobs.holds(job.executionId(), owner) ? Halt.NONE : Halt.LEFT;
    }

    /** Why a job's run stops starting batches before its audience's end. */
    private enum Halt {
        NONE, HANDED_BACK, STOPPED, LEFT
    }

    /** Ends a run that went through its audience once its last waiting user went on. */
    void completeIfDrained(ExecutionJob job) {
        if (stillWaiting(job.executionId())) {
            return;
        }
        long chunks = audiences.find(job.audienceId()).map(AudienceDescriptor::chunks).orElse(0L);
        if (stops.stopped(job.executionId())) {
            endStopped(job, chunks);
            return;
        }
        complete(job, chunks, job.failures());
    }

    private boolean stillWaiting(String executionId) {
        return waits.waiting(executionId) > 0 || resumes.unfinished(executionId) > 0;
    }

    private void complete(ExecutionJob job, long chunks, List<String> failures) {
        generated.register(job, chunks);
        boolean failed = !failures.isEmpty();
        finish(job, failed ? ExecutionStatus.ABNORMAL_END : ExecutionStatus.COMPLETED,
                failed ? String.join("; ", failures) : null);
    }

    /**
     * Routes and records one batch; the job is moved on by the caller, over the batches recorded in order. On the
     * batch's last attempt what throws is given up (see the class) instead of thrown.
     */
    private BatchOutcome runBatch(ExecutionJob job, String owner, FlowGraph flow, long batch) {
        boolean lastAttempt = job.failedAttempts(batch) >= settings.maxBatchAttempts() - 1;
        List<AudienceMember> users;
        try {
            users = audiences.chunk(job.audienceId(), batch);
        } catch (RuntimeException e) {
            if (!lastAttempt) {
                throw new BatchFailure("reading chunk " + batch + " of audience [" + job.audienceId() + "]", e);
            }
            List<String> userIds = audiences.userIdsOf(job.audienceId(), batch);
            return record(job, owner, batch, router.unreadable(flow, userIds, e), userIds.size());
        }
        BatchContext context = new BatchContext(job.executionId(), job.campaignId(), job.workspaceId(),
                job.audienceId(), batch);

        RoutedBatch routed = router.route(context, flow, users, lastAttempt);

        return record(job, owner, batch, routed, users.size());
    }

    private BatchOutcome record(ExecutionJob job, String owner, long batch, RoutedBatch routed, int users) {
        boolean fresh;
        try {
            fresh = recorder.record(new RunOf(job.executionId(), job.campaignId(), job.workspaceId(), job.flow()),
                    batch, routed);
        } catch (ExecutionNotRunning e) {
            return BatchOutcome.NOT_RECORDED;
        }

        usersProcessed.increment(users);
        if (fresh && !routed.givenUp().isEmpty()) {
            reportGivenUp(job, owner, batch, routed.givenUp());
        }
        return new BatchOutcome(true, routed.failures());
    }

    /**
     * Counts the last attempt too, so that the job shows every attempt, and tells an operator once, with what the
     * first component given up threw; a batch recorded before (and run again after a crash) is not told again.
     */
    private void reportGivenUp(ExecutionJob job, String owner, long batch, List<GivenUp> givenUp) {
        int attempts = jobs.countFailedAttempt(job.executionId(), owner, batch).orElse(settings.maxBatchAttempts());
        String where = givenUp.stream()
                .map(component -> "[" + component.componentId() + "] (" + component.users() + " users)")
                .collect(Collectors.joining(", "));

        log.error("Execution [{}] of campaign [{}]: batch {} given up after {} attempts; its users at {} are recorded"
                        + " FAILED and the run goes on", job.executionId(), job.campaignId(), batch, attempts, where,
                givenUp.get(0).thrown());
    }

    private void logNewFailures(ExecutionJob job, List<String> found, List<String> known) {
        for (String failure : found) {
            if (!known.contains(failure)) {
                known.add(failure);
                log.warn("Execution [{}] of campaign [{}]: component failed: {}", job.executionId(),
                        job.campaignId(), failure);
            }
        }
    }

    /**
     * Ends the job of a stopped execution; the stop itself records the execution's end. The users of the batches not
     * run never entered the run.
     */
    private void endStopped(ExecutionJob job, long batch) {
        jobs.end(job.executionId());
        log.info("Execution [{}] of campaign [{}] stopped after {} batches", job.executionId(), job.campaignId(),
                batch);
    }

    private void finish(ExecutionJob job, ExecutionStatus status, String reason) {
        commands.sendAndWait(new FinishExecution(job.executionId(), status, reason, clock.instant()));
        jobs.end(job.executionId());
        log.info("Execution [{}] of campaign [{}] ended {}{}", job.executionId(), job.campaignId(), status,
                reason == null ? "" : ": " + reason);
    }
}
