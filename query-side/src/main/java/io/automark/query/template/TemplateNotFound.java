package io.automark.query.template;

import io.automark.query.web.NotFoundException;

/** No template with this id in the workspace (or the read model has not seen it yet). */
public class TemplateNotFound extends NotFoundException {

    public TemplateNotFound(String workspaceId, String templateId) {
        super("Template " + templateId + " does not exist in workspace " + workspaceId);
    }
}
