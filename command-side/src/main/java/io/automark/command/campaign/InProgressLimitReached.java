package io.automark.command.campaign;

import io.automark.command.common.DomainException;

/** The workspace already has as many IN_PROGRESS campaigns as it may; answered with 409 LIMIT_REACHED. */
public class InProgressLimitReached extends DomainException {

    public InProgressLimitReached(String workspaceId, int limit) {
        super("workspace " + workspaceId + " already has " + limit + " campaigns in progress; stop one first");
    }

    @Override
    public String code() {
        return "LIMIT_REACHED";
    }
}
