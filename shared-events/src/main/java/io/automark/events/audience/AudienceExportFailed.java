package io.automark.events.audience;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A requested audience export could not be done; nothing was saved. */
@Revision("1")
public record AudienceExportFailed(String operationId, String workspaceId, String executionId, String componentId,
                                   String reason, Instant failedAt) {
}
