package io.automark.events.campaign;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A campaign's start time came while its workspace had no IN_PROGRESS place left. It stays NOT_STARTED and tries
 * again at intervals until a place frees or its end time passes; only the first refusal is recorded.
 *
 * @param nextAttemptAt when it tries again
 */
@Revision("1")
public record CampaignStartDeferred(String campaignId, String workspaceId, Instant nextAttemptAt,
                                    Instant deferredAt) {
}
