package io.automark.events.campaign;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A campaign was deleted. It leaves the lists; its history stays in the event store for auditors. */
@Revision("1")
public record CampaignDeleted(String campaignId, String workspaceId, Instant deletedAt) {
}
