package io.automark.query.audience;

import io.automark.query.web.NotFoundException;

/** No audience with this id in the workspace. */
public class AudienceNotFound extends NotFoundException {

    public AudienceNotFound(String workspaceId, String audienceId) {
        super("Audience " + audienceId + " does not exist in workspace " + workspaceId);
    }
}
