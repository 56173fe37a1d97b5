package io.automark.events.campaign;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A campaign was stopped by hand.
 *
 * @param executionId the execution that was running when it stopped; null when none was
 */
@Revision("1")
public record CampaignStopped(String campaignId, String workspaceId, String executionId, Instant stoppedAt) {
}
