package io.automark.events.campaign;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A version of a campaign was published.
 *
 * @param status      NOT_STARTED when its start time lies ahead, else IN_PROGRESS
 * @param executionId the execution the publish started; null when the campaign has not started yet
 */
@Revision("1")
public record CampaignPublished(String campaignId, String workspaceId, int flowVersion, CampaignStatus status,
                                String executionId, Instant publishedAt) {
}
