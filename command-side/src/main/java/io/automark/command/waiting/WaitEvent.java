package io.automark.command.waiting;

import java.time.Instant;
import java.util.Map;

/** A behaviour event as waits see it: its properties as text. */
public record WaitEvent(String userId, String type, Instant occurredAt, Map<String, String> properties) {
}
