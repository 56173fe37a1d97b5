package io.automark.command.behavior;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of behaviour events, under {@code automark.behavior}; those of their Kafka intake are
 * {@link BehaviorKafkaProperties}.
 *
 * @param maxClockSkew how far ahead of the service's clock an event's {@code occurredAt} may lie, for clients whose
 *                     clocks run a little fast (default 5 minutes, zero or more); an event further ahead is refused
 */
@ConfigurationProperties("automark.behavior")
public record BehaviorProperties(@DefaultValue("5m") Duration maxClockSkew) {

    public BehaviorProperties {
        if (maxClockSkew == null || maxClockSkew.isNegative()) {
            throw new IllegalArgumentException("automark.behavior.max-clock-skew must be a duration of zero or more");
        }
    }
}
