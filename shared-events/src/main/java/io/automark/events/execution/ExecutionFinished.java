package io.automark.events.execution;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * An execution ended.
 *
 * @param status COMPLETED, ABNORMAL_END or STOPPED
 * @param reason why it ended abnormally or was stopped; null when it completed
 */
@Revision("1")
public record ExecutionFinished(String executionId, String campaignId, String workspaceId, ExecutionStatus status,
                                String reason, Instant finishedAt) {
}
