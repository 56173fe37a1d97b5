package io.automark.query.campaign;

import io.automark.query.web.NotFoundException;

/** No campaign with this id in the workspace (or the read model has not seen it yet). */
public class CampaignNotFound extends NotFoundException {

    public CampaignNotFound(String workspaceId, String campaignId) {
        super("Campaign " + campaignId + " does not exist in workspace " + workspaceId);
    }
}
