package io.automark.query.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How long a query with {@code minVersion} waits for the read model to catch up with the client's own write.
 *
 * @param timeout      the longest wait; after it the query answers with what the read model holds (default 5 s)
 * @param pollInterval how often the read model is read again while waiting (default 50 ms)
 */
@ConfigurationProperties("automark.query.read-your-writes")
public record ReadYourWritesProperties(Duration timeout, Duration pollInterval) {

    public ReadYourWritesProperties {
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
        pollInterval = pollInterval == null ? Duration.ofMillis(50) : pollInterval;
    }
}
