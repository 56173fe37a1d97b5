package io.automark.query.execution.users;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How long per-user execution details are kept.
 *
 * @param retention     how long after it was recorded a batch's user details stay readable (default 7 days)
 * @param sweepInterval how often expired batches are deleted by the service itself, for stores without a TTL monitor
 *                      such as the embedded development server (default 1 hour)
 */
@ConfigurationProperties("automark.query.user-details")
public record UserDetailsProperties(Duration retention, Duration sweepInterval) {

    public UserDetailsProperties {
        retention = retention == null ? Duration.ofDays(7) : retention;
        sweepInterval = sweepInterval == null ? Duration.ofHours(1) : sweepInterval;
    }
}
