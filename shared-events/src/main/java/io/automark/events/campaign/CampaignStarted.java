package io.automark.events.campaign;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A published campaign reached its start time and is IN_PROGRESS.
 *
 * @param flowVersion the version it runs
 * @param executionId the run its start began; null for a periodic campaign, whose runs follow its cron expression
 */
@Revision("1")
public record CampaignStarted(String campaignId, String workspaceId, int flowVersion, String executionId,
                              Instant startedAt) {
}
