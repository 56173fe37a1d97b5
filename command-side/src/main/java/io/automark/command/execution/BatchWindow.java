package io.automark.command.execution;

import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.Future;

/**
 * The batches of one job that run side by side: at most {@code size} at a time, each recorded on its own, so that
 * one batch's waits (for the receiver, the ledger, the event store) overlap another's work. The job may only move
 * past the batches below the first one not yet recorded: {@link #recordedUpTo()} is that point, and a crash makes
 * the next holder run the recorded batches above it again, which the execution refuses as recorded and whose sends
 * the delivery ledger holds, so nothing is sent twice.
 */
final class BatchWindow {

    private final CompletionService<Ran> running;
    private final int size;
    private final TreeSet<Long> recordedAbove = new TreeSet<>();
    private long recordedUpTo;
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

    /** Whether another batch may start: the window has room and no batch failed. */
    boolean hasRoom() {
        return inFlight < size && failure == null;
    }

    boolean isEmpty() {
        return inFlight == 0;
    }

    /** Starts a batch; {@code batch} answers whether it was recorded and which failures it found. */
    void start(long batchNumber, BatchRun batch) {
        running.submit(() -> new Ran(batchNumber, batch.run()));
        inFlight++;
    }

    /**
     * Waits for the next batch to end and answers it. A batch that threw is kept as the window's failure (see
     * {@link #failure()}) and answers an empty result, so that the caller still waits for the others.
     */
    Ran awaitNext() {
        try {
            Future<Ran> next = running.take();
            inFlight--;
            Ran ran = next.get();
            if (ran.outcome().recorded()) {
                recordedAbove.add(ran.batchNumber());
                while (recordedAbove.remove(recordedUpTo)) {
                    recordedUpTo++;
                }
            }
            return ran;
        } catch (ExecutionException e) {
            if (failure == null) {
                failure = e.getCause() instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException("an execution batch failed", e.getCause());
            }
            return new Ran(-1, BatchOutcome.NOT_RECORDED);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while execution batches were running", e);
        }
    }

    /** The first batch not yet recorded: every batch below it is. */
    long recordedUpTo() {
        return recordedUpTo;
    }

    /** What the first batch that threw threw, or null. */
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

    /** A batch that ended, with its number. */
    record Ran(long batchNumber, BatchOutcome outcome) {
    }
}
