package io.automark.ops.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;

/**
 * Waits for the milestones of a measured run one after the other, and tells when each was first seen, counted
 * from one start. Every wait is bounded by one deadline for the whole run and gives up when a child process dies.
 */
final class Milestones {

    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

    private final Rig rig;

    private final PrintStream progress;

    private final HeapPeak heap;

    private final long start;

    private final long deadline;

    private long nextProgress;

    /**
     * @param heap    shown in the progress lines; may be null
     * @param start   the {@link System#nanoTime()} the times are counted from
     * @param timeout how long after {@code start} the last milestone may come
     */
    Milestones(Rig rig, PrintStream progress, HeapPeak heap, long start, Duration timeout) {
        this.rig = rig;
        this.progress = progress;
        this.heap = heap;
        this.start = start;
        this.deadline = start + timeout.toNanos();
        this.nextProgress = System.nanoTime() + PROGRESS_EVERY.toNanos();
    }

    /** A state to wait for. */
    @FunctionalInterface
    interface Milestone {

        /**
         * Empty once the state is reached, else what is still missing.
         *
         * @throws IllegalStateException when the state can no longer be reached
         */
        Optional<String> missing();
    }

    /**
     * Polls until the milestone is reached and answers the time since the start.
     *
     * @throws IllegalStateException when the deadline passes, a child process dies, or the milestone says it can
     *                               no longer be reached
     */
    Duration await(String name, Milestone milestone, Duration poll) {
        String lastSeen = "nothing yet";
        while (true) {
            rig.checkAlive();
            Optional<String> missing = check(name, milestone, lastSeen);
            long now = System.nanoTime();
            if (missing.isEmpty()) {
                Duration reached = Duration.ofNanos(now - start);
                progress.printf("  %s at %s%n", name, Figures.seconds(reached));
                return reached;
            }
            if (now - deadline > 0) {
                throw new IllegalStateException(name + " not reached " + Figures.seconds(Duration.ofNanos(now - start))
                        + " after the start: " + missing.get());
            }
            lastSeen = missing.get();
            if (now - nextProgress > 0) {
                progress.printf("  %s: waiting for %s: %s%s%n", Figures.seconds(Duration.ofNanos(now - start)), name,
                        missing.get(), heap == null ? "" : "; heap peak " + EngineBenchmark.mebibytes(
                                heap.peakBytes()));
                nextProgress = now + PROGRESS_EVERY.toNanos();
            }
            Pause.of(poll);
        }
    }

    /** Asks the milestone; when that fails, tells first whether a child process died, which is the likelier cause. */
    private Optional<String> check(String name, Milestone milestone, String lastSeen) {
        try {
            return milestone.missing();
        } catch (RuntimeException e) {
            Pause.of(Duration.ofSeconds(1));
            try {
                rig.checkAlive();
            } catch (IllegalStateException died) {
                throw new IllegalStateException(died.getMessage() + "; waiting for " + name + ", last seen: "
                        + lastSeen + " at " + Figures.seconds(Duration.ofNanos(System.nanoTime() - start)), e);
            }
            throw e;
        }
    }
}
