package io.automark.command.group;

import io.automark.events.campaign.CampaignCreated;
import io.automark.events.campaign.CampaignDeleted;
import io.automark.events.campaign.CampaignMoved;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/** Keeps {@link GroupCampaigns} in step with campaign events; writes are keyed by campaign, so replays are harmless. */
@Component
@ProcessingGroup("command-group-membership")
class GroupMembershipKeeper {

    private final GroupCampaigns campaigns;

    GroupMembershipKeeper(GroupCampaigns campaigns) {
        this.campaigns = campaigns;
    }

    @EventHandler
    void on(CampaignCreated event) {
        campaigns.file(event.workspaceId(), event.campaignId(), event.content().groupId());
    }

    @EventHandler
    void on(CampaignMoved event) {
        campaigns.file(event.workspaceId(), event.campaignId(), event.toGroupId());
    }

    @EventHandler
    void on(CampaignDeleted event) {
        campaigns.file(event.workspaceId(), event.campaignId(), null);
    }
}
