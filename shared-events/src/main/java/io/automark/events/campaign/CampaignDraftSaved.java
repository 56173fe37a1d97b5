package io.automark.events.campaign;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A DRAFT or NOT_STARTED campaign was edited in its current version. */
@Revision("1")
public record CampaignDraftSaved(String campaignId, String workspaceId, int flowVersion, CampaignContent content,
                                 Instant savedAt) {
}
