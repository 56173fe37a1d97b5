package io.automark.command.channel;

import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How an HTTP channel retries a send that met a 5xx answer or a connection error. A 4xx answer and a request
 * time-out are never retried: the first says the request is wrong, the second that the peer may be working on it.
 *
 * @param maxAttempts    attempts in all, the first included; 1 turns retries off (default 3)
 * @param initialBackoff the wait before the first retry (default 200ms)
 * @param multiplier     how much each further wait grows (default 2)
 * @param maxBackoff     the longest wait between two attempts (default 10s)
 */
public record RetrySettings(@DefaultValue("3") int maxAttempts,
                            @DefaultValue("200ms") Duration initialBackoff,
                            @DefaultValue("2.0") double multiplier,
                            @DefaultValue("10s") Duration maxBackoff) {

    public RetrySettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("retry.max-attempts must be at least 1, was " + maxAttempts);
        }
        if (initialBackoff.isNegative() || initialBackoff.isZero() || multiplier < 1) {
            throw new IllegalArgumentException("retry.initial-backoff must be positive and multiplier at least 1");
        }
    }

    /** Three attempts, 200 ms, then 400 ms apart. */
    public static RetrySettings defaults() {
        return new RetrySettings(3, Duration.ofMillis(200), 2.0, Duration.ofSeconds(10));
    }
}
