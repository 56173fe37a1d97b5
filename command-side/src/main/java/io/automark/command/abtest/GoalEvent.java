package io.automark.command.abtest;

import java.time.Instant;

/** A behaviour event as goals see it. */
record GoalEvent(String userId, String type, Instant occurredAt) {
}
