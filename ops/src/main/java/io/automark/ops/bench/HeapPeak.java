package io.automark.ops.bench;

import io.automark.ops.demo.AutomarkClient;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Polls the service's heap in use ({@code /actuator/metrics/jvm.memory.used?tag=area:heap}) at a fixed period and
 * keeps the peak. A peak between two samples goes unseen, so this is a lower bound of the true peak.
 */
final class HeapPeak implements AutoCloseable {

    private final AutomarkClient client;

    private final AtomicLong peak = new AtomicLong(-1);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "heap-peak");
        thread.setDaemon(true);
        return thread;
    });

    private HeapPeak(AutomarkClient client) {
        this.client = client;
    }

    static HeapPeak start(AutomarkClient client, Duration period) {
        HeapPeak sampler = new HeapPeak(client);

        sampler.timer.scheduleAtFixedRate(sampler::sample, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        return sampler;
    }

    /** The highest heap in use seen since the start or the last {@link #restart()}, in bytes; -1 when none. */
    long peakBytes() {
        return peak.get();
    }

    /** Answers the peak so far and starts a new one. */
    long restart() {
        return peak.getAndSet(-1);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private void sample() {
        client.heapUsed().ifPresent(bytes -> peak.accumulateAndGet(bytes.longValue(), Math::max));
    }
}
