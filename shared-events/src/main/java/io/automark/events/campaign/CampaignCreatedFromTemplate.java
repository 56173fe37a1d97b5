package io.automark.events.campaign;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A campaign was created from a template; it follows the campaign's {@link CampaignCreated}. Copies drop the link. */
@Revision("1")
public record CampaignCreatedFromTemplate(String campaignId, String workspaceId, String templateId,
                                          Instant createdAt) {
}
