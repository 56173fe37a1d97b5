package io.automark.events.campaign;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * An edit of a campaign that had already run created a new version; older versions stay readable.
 *
 * @param basedOnVersion the version the edit started from
 */
@Revision("1")
public record CampaignVersionCreated(String campaignId, String workspaceId, int flowVersion, int basedOnVersion,
                                     CampaignContent content, Instant createdAt) {
}
