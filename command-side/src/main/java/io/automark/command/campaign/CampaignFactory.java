package io.automark.command.campaign;

import io.automark.events.campaign.CampaignContent;

import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

/** Creates campaigns from inside another aggregate's command handler, in the same unit of work. */
public final class CampaignFactory {

    private CampaignFactory() {
    }

    public static void createFromTemplate(String campaignId, String workspaceId, CampaignContent content,
                                          String templateId, Instant now) {
        try {
            createNew(Campaign.class, () -> new Campaign(campaignId, workspaceId, content, templateId, now));
        } catch (Exception e) {
            throw new IllegalStateException("campaign " + campaignId + " could not be created from a template", e);
        }
    }
}
