package io.automark.events.execution;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * An execution that ended abnormally is run again as a new execution, which starts at the first component. The
 * new run ignores the campaign's start/end window and does not count as one of its runs.
 */
@Revision("1")
public record ExecutionReExecuted(String executionId, String campaignId, String workspaceId, String newExecutionId,
                                  Instant requestedAt) {
}
