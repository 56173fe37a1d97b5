package io.automark.command.execution;

import io.automark.command.common.InvalidStateException;

/** Only an execution that ended abnormally, and was not run again yet, can be run again. */
public class ExecutionNotReExecutable extends InvalidStateException {

    public ExecutionNotReExecutable(String executionId, String why) {
        super("execution " + executionId + " cannot be run again: " + why);
    }
}
