package io.automark.ops.bench;

import java.time.Duration;

/** A sleep that turns an interrupt into an exception, so that a benchmark stops and cleans up. */
final class Pause {

    private Pause() {
    }

    static void of(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
