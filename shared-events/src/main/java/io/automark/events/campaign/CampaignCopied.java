package io.automark.events.campaign;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A campaign was created as a copy of a version of another; it follows the copy's {@link CampaignCreated}.
 * The copy shares no members, executions or schedule state with its source, and no template.
 */
@Revision("1")
public record CampaignCopied(String campaignId, String workspaceId, String sourceCampaignId, int sourceVersion,
                             Instant copiedAt) {
}
