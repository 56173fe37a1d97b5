package io.automark.query.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Lets a client read its own writes: reads a view again until it reaches the version the client was told, or the
 * configured timeout passes. Read models are updated asynchronously, so right after a command they may lag.
 */
@Component
@EnableConfigurationProperties(ReadYourWritesProperties.class)
public class ReadYourWrites {

    private final ReadYourWritesProperties properties;

    public ReadYourWrites(ReadYourWritesProperties properties) {
        this.properties = properties;
    }

    /**
     * Reads a view, waiting for it to reach a version.
     *
     * @param read       reads the view; empty while it does not exist
     * @param version    the version of a view that has been read
     * @param minVersion the version to wait for; null reads once without waiting
     * @return the view as last read: possibly still below {@code minVersion} when the timeout passed, empty when it
     *         never appeared
     */
    public <T> Optional<T> read(Supplier<Optional<T>> read, ToLongFunction<T> version, Long minVersion) {
        Instant deadline = Instant.now().plus(properties.timeout());
        Optional<T> view = read.get();

        while (minVersion != null && !reached(view, version, minVersion) && Instant.now().isBefore(deadline)) {
            pause();
            view = read.get();
        }
        return view;
    }

    private static <T> boolean reached(Optional<T> view, ToLongFunction<T> version, long minVersion) {
        return view.map(v -> version.applyAsLong(v) >= minVersion).orElse(false);
    }

    private void pause() {
        try {
            Thread.sleep(properties.pollInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the read model to catch up", e);
        }
    }
}
