package io.automark.events.audience;

import io.automark.events.execution.UserResult;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Set;

/**
 * Someone asked to save the users a component of an execution handled with some results as a new audience. The
 * request is an operation of its own; {@link AudienceExportCompleted} or {@link AudienceExportFailed} follows.
 */
@Revision("1")
public record AudienceExportRequested(String operationId, String workspaceId, String executionId,
                                      String componentId, String name, Set<UserResult> results,
                                      Instant requestedAt) {

    public AudienceExportRequested {
        results = Set.copyOf(results);
    }
}
