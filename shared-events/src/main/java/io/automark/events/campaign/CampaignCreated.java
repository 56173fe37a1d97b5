package io.automark.events.campaign;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A campaign was created as a DRAFT; its first version is 1. */
@Revision("1")
public record CampaignCreated(String campaignId, String workspaceId, CampaignContent content, Instant createdAt) {
}
