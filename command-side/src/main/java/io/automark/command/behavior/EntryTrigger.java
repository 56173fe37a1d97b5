package io.automark.command.behavior;

import io.automark.command.flow.Conditions;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A running execution whose entry lets users in when they do something.
 *
 * @param reentryAfter null when a user enters once per run; else how long after entering a user may enter again
 */
public record EntryTrigger(String executionId, String campaignId, String workspaceId, String entryComponentId,
                           String eventType, Map<String, Object> config, Instant startedAt, Duration reentryAfter) {

    /** Whether an event lets its user in: the right type, not from before the run started, conditions met. */
    public boolean admits(BehaviorEvent event, Map<String, String> properties) {
        if (!eventType.equals(event.type()) || event.occurredAt().isBefore(startedAt)) {
            return false;
        }
        return config.get("conditions") == null || Conditions.of(config).test(properties, Set.of());
    }
}
