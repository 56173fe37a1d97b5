package io.automark.query.execution;

import io.automark.query.web.NotFoundException;

/** The execution's flow has no component with this id. */
public class ComponentNotFound extends NotFoundException {

    public ComponentNotFound(String executionId, String componentId) {
        super("Execution " + executionId + " has no component " + componentId);
    }
}
