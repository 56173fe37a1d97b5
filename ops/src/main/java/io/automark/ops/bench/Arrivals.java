package io.automark.ops.bench;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Watches a receiver's count at a fixed period and notes when the first send arrived and when the last one did,
 * to the precision of the period: the rate at the receiver, without the time before the first send.
 */
final class Arrivals implements AutoCloseable {

    private final LongSupplier received;

    private final long expected;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "arrivals");
        thread.setDaemon(true);
        return thread;
    });

    private volatile long first = -1;

    private volatile long last = -1;

    private Arrivals(LongSupplier received, long expected) {
        this.received = received;
        this.expected = expected;
    }

    static Arrivals watch(LongSupplier received, long expected, Duration period) {
        Arrivals arrivals = new Arrivals(received, expected);

        arrivals.timer.scheduleAtFixedRate(arrivals::sample, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        return arrivals;
    }

    /** From the first arrival to the last one; empty until all arrived, or when they came within one period. */
    OptionalLong windowNanos() {
        return last < 0 || last == first ? OptionalLong.empty() : OptionalLong.of(last - first);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private void sample() {
        if (last >= 0) {
            return;
        }
        long count;
        try {
            count = received.getAsLong();
        } catch (RuntimeException e) {
            return;
        }

        long now = System.nanoTime();
        if (count > 0 && first < 0) {
            first = now;
        }
        if (count >= expected) {
            last = now;
        }
    }
}
