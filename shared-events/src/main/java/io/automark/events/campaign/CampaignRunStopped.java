package io.automark.events.campaign;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * An earlier run still in progress (of a periodic campaign, or of an older version whose users were pinned to it)
 * is stopped together with its campaign. It follows the campaign's {@link CampaignStopped}, which names the newest
 * run.
 */
@Revision("1")
public record CampaignRunStopped(String campaignId, String workspaceId, String executionId, Instant stoppedAt) {
}
