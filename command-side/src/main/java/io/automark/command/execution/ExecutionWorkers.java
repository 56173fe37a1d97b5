package io.automark.command.execution;

import io.automark.command.abtest.AbTestGoals;
import io.automark.command.audience.AudienceStore;
import io.automark.command.behavior.BehaviorInbox;
import io.automark.command.behavior.EntryTriggers;
import io.automark.command.component.ComponentExecutors;
import io.automark.command.waiting.ResumeBatches;
import io.automark.command.waiting.WaitWaker;
import io.automark.command.waiting.Waits;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Workers that take execution jobs from the shared job store and run them. Every command-side instance runs a
 * few; the store's lease decides who runs what, so instances never run the same job at once.
 */
@Component
class ExecutionWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ExecutionWorkers.class);

    private final ExecutionJobStore jobs;
    private final ExecutionRunner runner;
    private final BehaviorInbox inbox;
    private final EntryBatchRunner entries;
    private final ResumeBatches resumes;
    private final ResumedBatchRunner resumed;
    private final WaitWaker waker;
    private final AbTestGoals abTests;
    private final Clock clock;
    private final Duration lease;
    private final Duration pollInterval;
    private final int workers;
    private final String owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
    private final ExecutorService batches;
    private ThreadPoolTaskScheduler scheduler;
    private volatile boolean stopping;

    ExecutionWorkers(ExecutionJobStore jobs, AudienceStore audiences, ComponentExecutors executors,
                     BehaviorInbox inbox, EntryTriggers triggers, Waits waits, AbTestGoals abTests,
                     ExecutionStops stops,
                     CommandGateway commands, Clock clock, MeterRegistry meters, ExecutionProperties settings) {
        BatchRouter router = new BatchRouter(executors);
        // Each worker runs up to batch-window batches of its job at once, on threads of this pool.
        this.batches = Executors.newFixedThreadPool(Math.max(1, settings.workers() * settings.batchWindow()),
                daemon("execution-batch-"));
        BatchRecorder recorder = new BatchRecorder(waits.users(), waits.flows(), commands, clock);
        this.jobs = jobs;
        this.runner = new ExecutionRunner(jobs, audiences, router, recorder, waits.users(), waits.batches(),
                stops, commands, clock, settings, batches, meters);
        this.inbox = inbox;
        BatchRetries retries = new BatchRetries(clock, settings);
        this.entries = new EntryBatchRunner(inbox, triggers, router, recorder, stops, retries);
        this.resumes = waits.batches();
        this.resumed = new ResumedBatchRunner(waits.batches(), waits.users(), waits.flows(), jobs, router, recorder,
                retries);
        this.waker = waits.waker();
        this.abTests = abTests;
        this.clock = clock;
        this.lease = settings.lease();
        this.pollInterval = settings.pollInterval();
        this.workers = settings.workers();
    }

    @Override
    public void start() {
        if (workers == 0) {
            log.info("No execution workers on this instance: it takes commands only");
            return;
        }
        scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(workers);
        scheduler.setThreadNamePrefix("execution-worker-");
        // On shutdown a worker finishes the batch in hand and hands its job back, so wait that long.
        scheduler.setWaitForTasksToCompleteOnShutdown(true);
        scheduler.setAwaitTerminationSeconds(30);
        scheduler.initialize();
        for (int i = 0; i < workers; i++) {
            scheduler.scheduleWithFixedDelay(this::runAvailableJobs, pollInterval);
        }
        log.info("Started {} execution workers as [{}]", workers, owner);
    }

    private void runAvailableJobs() {
        try {
            waker.wake(clock.instant());
            abTests.tick(clock.instant());
            jobs.draining().forEach(runner::completeIfDrained);
            while (!stopping && runOne()) {
                // Work is taken in this order: audience runs, users whose wait ended, users let in by events.
            }
        } catch (RuntimeException e) {
            // The job keeps its lease until it runs out; then this or another worker takes it over.
            log.error("An execution job failed; it will be taken over when its lease runs out", e);
        }
    }

    /** Runs one piece of work; answers false when there was none. */
    private boolean runOne() {
        var job = jobs.claim(owner, clock.instant(), lease);
        if (job.isPresent()) {
            if (jobs.mayStart(job.get().executionId())) {
                runner.run(job.get(), owner, () -> !stopping);
            } else {
                jobs.postpone(job.get().executionId(), owner, clock.instant(), pollInterval.multipliedBy(4));
            }
            return true;
        }
        var woken = resumes.claim(owner, clock.instant(), lease);
        if (woken.isPresent()) {
            resumed.run(woken.get(), owner);
            return true;
        }
        var entered = inbox.claim(owner, clock.instant(), lease);
        entered.ifPresent(batch -> entries.run(batch, owner));
        return entered.isPresent();
    }

    @Override
    public void stop() {
        stopping = true;
        if (scheduler != null) {
            scheduler.shutdown();
            scheduler = null;
        }
        // The workers waited for their batches in flight; nothing is left to run here.
        batches.shutdownNow();
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    @Override
    public int getPhase() {
        // Stop before Axon and the Mongo client go away, start after them.
        return Integer.MAX_VALUE - 1000;
    }
}
