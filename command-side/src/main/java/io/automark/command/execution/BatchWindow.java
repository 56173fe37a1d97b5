package io.automark.command.execution;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The batches of one job that run side by side: at most {@code size} at a time and within {@code size} of the first
 * one not yet recorded, each recorded on its own, so that one batch's waits (for the receiver, the ledger, the event
 * store) overlap another's work. The job may only move
 * past the batches below the first one not yet recorded: {@link #recordedUpTo()} is that point, and a crash makes
 * the next holder run the recorded batches above it again, which the execution refuses as recorded and whose sends
 * the delivery ledger holds, so nothing is sent twice.
 *
 * <p>Once a batch threw, no further batch starts: the job has to run that batch again first (see
 * {@link #thrown()}), and the batches in flight still end and are recorded.
 */
final class BatchWindow {

    private final CompletionService<Ran> running;
    private final int size;
    private final TreeSet<Long> recordedAbove = new TreeSet<>();
    private long recordedUpTo;
    private final SortedMap<Long, RuntimeException> thrown = new TreeMap<>();
    private int inFlight;
    private RuntimeException failure;

    /**
     * @param firstBatch the job's next batch: every batch below it is recorded
     */
    BatchWindow(Executor batches, int size, long firstBatch) {
        if (size < 1) {
            throw new IllegalArgumentException("automark.execution.batch-window must be at least 1");
        }
        this.running = new ExecutorCompletionService<>(batches);
        this.size = size;
        this.recordedUpTo = firstBatch;
    }

    /**
     * Whether the batch may start: no batch threw or failed, and it lies within {@code size} batches of the first one
     * not recorded, so that a crash leaves at most that many batches to run again.
     */
    boolean mayStart(long batchNumber) {
        return failure == null && thrown.isEmpty() && inFlight < size && batchNumber < recordedUpTo + size;
    }

    boolean isEmpty() {
        return inFlight == 0;
    }

    /**
     * Starts a batch; {@code batch} answers whether it was recorded and which failures it found. A batch that throws
     * an exception ends as a {@link Ran} that carries it.
     */
    void start(long batchNumber, BatchRun batch) {
        running.submit(() -> {
            try {
                return new Ran(batchNumber, batch.run(), null);
            } catch (RuntimeException e) {
                return new Ran(batchNumber, BatchOutcome.NOT_RECORDED, e);
            }
        });
        inFlight++;
    }

    /**
     * Waits up to {@code patience} for the next batch to end and answers it; empty when none ended in that time. A
     * batch that threw an exception is kept in {@link #thrown()}; one that threw an error is kept as the window's
     * failure (see {@link #failure()}) and answers with batch number -1. Either way the caller still waits for the
     * others.
     */
    Optional<Ran> awaitNext(Duration patience) {
        try {
            Future<Ran> next = running.poll(patience.toNanos(), TimeUnit.NANOSECONDS);
            if (next == null) {
                return Optional.empty();
            }
            inFlight--;
            Ran ran = next.get();
            if (ran.thrown() != null) {
                thrown.put(ran.batchNumber(), ran.thrown());
            } else if (ran.outcome().recorded()) {
                recordedAbove.add(ran.batchNumber());
                while (recordedAbove.remove(recordedUpTo)) {
                    recordedUpTo++;
                }
            }
            return Optional.of(ran);
        } catch (ExecutionException e) {
            // Exceptions end as a Ran (see start): only an error comes here.
            if (failure == null) {
                failure = new IllegalStateException("an execution batch failed", e.getCause());
            }
            return Optional.of(new Ran(-1, BatchOutcome.NOT_RECORDED, failure));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while execution batches were running", e);
        }
    }

    /** The first batch not yet recorded: every batch below it is. */
    long recordedUpTo() {
        return recordedUpTo;
    }

    /** The batches that threw an exception, by number, with what they threw; they are to run again. */
    SortedMap<Long, RuntimeException> thrown() {
        return Collections.unmodifiableSortedMap(thrown);
    }

    /**
     * What ended a batch that neither answered nor threw an exception (an {@link Error}, wrapped), or null. Such a
     * failure is not a batch's: the worker gives up the job until its lease runs out.
     */
    RuntimeException failure() {
        return failure;
    }

    /** One batch's work, on a thread of the window's executor. */
    @FunctionalInterface
    interface BatchRun {

        BatchOutcome run();
    }

    /**
     * What one batch came to.
     *
     * @param recorded whether the execution took its outcomes (or had them from an earlier run); false when the
     *                 execution had ended
     * @param failures the failures of its components
     */
    record BatchOutcome(boolean recorded, List<String> failures) {

        static final BatchOutcome NOT_RECORDED = new BatchOutcome(false, List.of());

        BatchOutcome {
            failures = List.copyOf(failures);
        }
    }

    /**
     * A batch that ended, with its number.
     *
     * @param thrown what the batch threw; null when it ran to its end
     */
    record Ran(long batchNumber, BatchOutcome outcome, RuntimeException thrown) {

        /** Whether the batch ran to its end, but the execution had ended and took none of its outcomes. */
        boolean refused() {
            return thrown == null && !outcome.recorded();
        }
    }
}
