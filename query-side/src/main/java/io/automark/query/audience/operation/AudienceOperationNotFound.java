package io.automark.query.audience.operation;

import io.automark.query.web.NotFoundException;

/** No audience operation with this id in the workspace (or the read model has not seen it yet). */
public class AudienceOperationNotFound extends NotFoundException {

    public AudienceOperationNotFound(String workspaceId, String operationId) {
        super("Audience operation " + operationId + " does not exist in workspace " + workspaceId);
    }
}
