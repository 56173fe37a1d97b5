package io.automark.events.campaign;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A campaign finished: its last run ended or its end time passed. No new user enters it. */
@Revision("1")
public record CampaignFinished(String campaignId, String workspaceId, EndState endState, Instant finishedAt) {
}
