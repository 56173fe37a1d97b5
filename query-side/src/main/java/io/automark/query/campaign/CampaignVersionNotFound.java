package io.automark.query.campaign;

import io.automark.query.web.NotFoundException;

/** The campaign exists but has no such version. */
public class CampaignVersionNotFound extends NotFoundException {

    public CampaignVersionNotFound(String campaignId, int version) {
        super("Campaign " + campaignId + " has no version " + version);
    }
}
