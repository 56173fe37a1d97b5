package io.automark.command.execution;

import io.automark.command.audience.AudienceDescriptor;
import io.automark.command.audience.AudienceMember;
import io.automark.command.audience.AudienceStore;
import io.automark.command.component.BatchContext;
import io.automark.command.execution.BatchRecorder.RunOf;
import io.automark.command.execution.BatchRouter.RoutedBatch;
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
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Runs a claimed job batch by batch: reads a chunk of the audience, routes it through the flow, records the
 * outcomes as one event, then moves the job on. Recording comes before moving on, so a crash in between only makes
 * the next holder record the same batch again, which the execution refuses as already recorded.
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

    ExecutionRunner(ExecutionJobStore jobs, AudienceStore audiences, BatchRouter router, BatchRecorder recorder,
                    WaitingUsers waits, ResumeBatches resumes, ExecutionStops stops, CommandGateway commands,
                    Clock clock, Duration lease,
                    MeterRegistry meters) {
        this.jobs = jobs;
        this.stops = stops;
        this.audiences = audiences;
        this.router = router;
        this.recorder = recorder;
        this.waits = waits;
        this.resumes = resumes;
        this.commands = commands;
        this.clock = clock;
        this.lease = lease;
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

        FlowGraph flow = FlowGraph.of(job.flow());
        List<String> failures = new ArrayList<>(job.failures());
        for (long batch = job.nextBatch(); batch < audience.get().chunks(); batch++) {
            if (!keepGoing.getAsBoolean()) {
                jobs.postpone(job.executionId(), owner, clock.instant(), Duration.ZERO);
                log.info("Execution [{}] handed back at batch {} as this instance stops", job.executionId(), batch);
                return;
            }
            if (stops.stopped(job.executionId())) {
                endStopped(job, batch);
                return;
            }
            if (!jobs.holds(job.executionId(), owner) || !runBatch(job, owner, flow, batch, failures)) {
                log.info("Execution [{}] left at batch {}: stopped or taken over", job.executionId(), batch);
                return;
            }
        }

        if (stops.stopped(job.executionId())) {
            // The last batch was cut short by the stop: the run must not be finished as COMPLETED.
            endStopped(job, audience.get().chunks());
            return;
        }
        if (stillWaiting(job.executionId())) {
            jobs.drain(job.executionId(), owner);
            log.info("Execution [{}] of campaign [{}] went through its audience; it ends when no user waits",
                    job.executionId(), job.campaignId());
            return;
        }
        complete(job, audience.get().chunks(), failures);
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

    private boolean runBatch(ExecutionJob job, String owner, FlowGraph flow, long batch, List<String> failures) {
        List<AudienceMember> users = audiences.chunk(job.audienceId(), batch);
        BatchContext context = new BatchContext(job.executionId(), job.campaignId(), job.workspaceId(),
                job.audienceId(), batch);
        RoutedBatch routed = router.route(context, flow, users);

        try {
            recorder.record(new RunOf(job.executionId(), job.campaignId(), job.workspaceId(), job.flow()), batch,
                    routed);
        } catch (ExecutionNotRunning e) {
            return false;
        }
        usersProcessed.increment(users.size());
        logNewFailures(job, routed.failures(), failures);
        return jobs.advance(job.executionId(), owner, batch + 1, routed.failures(), clock.instant(), lease);
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
