package io.automark.command.execution;

import io.automark.command.common.InvalidStateException;
import io.automark.events.execution.ExecutionStatus;

/** The execution has already ended, so it takes no more results and cannot be stopped. */
public class ExecutionNotRunning extends InvalidStateException {

    public ExecutionNotRunning(String executionId, ExecutionStatus status) {
        super("execution " + executionId + " has already ended as " + status);
    }
}
