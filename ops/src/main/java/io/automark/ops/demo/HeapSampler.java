package io.automark.ops.demo;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Polls the stack's heap in use through its actuator while a run lasts, and keeps the peak. */
final class HeapSampler implements AutoCloseable {

    private final AutomarkClient client;

    private final AtomicLong peak = new AtomicLong(-1);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "heap-sampler");
        thread.setDaemon(true);
        return thread;
    });

    private HeapSampler(AutomarkClient client) {
        this.client = client;
    }

    static HeapSampler start(AutomarkClient client, long periodMillis) {
        HeapSampler sampler = new HeapSampler(client);

        sampler.timer.scheduleAtFixedRate(sampler::sample, 0, periodMillis, TimeUnit.MILLISECONDS);
        return sampler;
    }

    /** The highest heap in use seen so far, in bytes; -1 when the stack told none. */
    long peakBytes() {
        return peak.get();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private void sample() {
        client.heapUsed().ifPresent(bytes -> peak.accumulateAndGet(bytes.longValue(), Math::max));
    }
}
