package io.automark.events.audience;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A requested audience export finished: the audience exists with this many users. */
@Revision("1")
public record AudienceExportCompleted(String operationId, String workspaceId, String executionId,
                                      String componentId, String audienceId, long size, Instant completedAt) {
}
