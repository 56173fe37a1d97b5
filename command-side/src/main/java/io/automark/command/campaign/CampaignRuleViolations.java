package io.automark.command.campaign;

import io.automark.command.common.InvalidStateException;
import io.automark.events.campaign.CampaignStatus;

/** The lifecycle rules a campaign command can break; each answers 409 INVALID_STATE. */
public final class CampaignRuleViolations {

    private CampaignRuleViolations() {
    }

    public static class CampaignNotStoppable extends InvalidStateException {
        public CampaignNotStoppable(String campaignId, CampaignStatus status) {
            super("campaign " + campaignId + " is " + status + "; only IN_PROGRESS or NOT_STARTED campaigns stop");
        }
    }

    public static class CampaignNotStartable extends InvalidStateException {
        public CampaignNotStartable(String campaignId, String why) {
            super("campaign " + campaignId + " cannot start: " + why);
        }
    }

    public static class CampaignNotDeletable extends InvalidStateException {
        public CampaignNotDeletable(String campaignId, CampaignStatus status) {
            super("campaign " + campaignId + " is " + status + "; only DRAFT, STOPPED or FINISHED campaigns delete");
        }
    }

    public static class CampaignNotPublishable extends InvalidStateException {
        public CampaignNotPublishable(String campaignId, String why) {
            super("campaign " + campaignId + " cannot be published: " + why);
        }
    }
}
