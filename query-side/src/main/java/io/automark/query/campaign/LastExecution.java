package io.automark.query.campaign;

import io.automark.events.execution.ExecutionStatus;

import java.time.Instant;

/**
 * The newest run of a campaign, as the campaign list shows it.
 *
 * @param version the flow version it runs
 * @param endedAt null while it runs
 */
public record LastExecution(String id, ExecutionStatus status, int version, Instant startedAt, Instant endedAt) {
}
