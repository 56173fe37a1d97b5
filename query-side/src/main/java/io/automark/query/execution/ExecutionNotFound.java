package io.automark.query.execution;

import io.automark.query.web.NotFoundException;

/** No execution with this id in the workspace (or the read model has not seen it yet). */
public class ExecutionNotFound extends NotFoundException {

    public ExecutionNotFound(String workspaceId, String executionId) {
        super("Execution " + executionId + " does not exist in workspace " + workspaceId);
    }
}
