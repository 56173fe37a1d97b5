package io.automark.command.behavior;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * When a behaviour event may have happened: not further ahead of the service's clock than
 * {@code automark.behavior.max-clock-skew}. A time further ahead is a client's mistake (a wrong zone, a local time
 * sent as UTC), and it would count as coming after the start of every run and wait that begins before it.
 */
@Component
@EnableConfigurationProperties(BehaviorProperties.class)
public class OccurredAtRule {

    private final Clock clock;
    private final BehaviorProperties properties;

    public OccurredAtRule(Clock clock, BehaviorProperties properties) {
        this.clock = clock;
        this.properties = properties;
    }

    /** Answers what is wrong with the time an event happened, for a person; null when the event may be taken. */
    public String problemOf(Instant occurredAt) {
        Instant now = clock.instant();
        if (!occurredAt.isAfter(now.plus(properties.maxClockSkew()))) {
            return null;
        }
        return "lies in the future: " + occurredAt + " is more than " + properties.maxClockSkew()
                + " (automark.behavior.max-clock-skew) after the service's time " + now;
    }
}
