package io.automark.events.campaign;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A version of a campaign was published.
 *
 * @param status NOT_STARTED when its start time lies ahead, else IN_PROGRESS
 */
@Revision("1")
public record CampaignPublished(String campaignId, String workspaceId, int flowVersion, CampaignStatus status,
                                Instant publishedAt) {
}
