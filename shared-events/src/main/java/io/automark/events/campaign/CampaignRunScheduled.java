package io.automark.events.campaign;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The next run of a periodic campaign is due at {@code runAt}, the next time its cron expression fires inside its
 * start/end window. It replaces any run scheduled before.
 */
@Revision("1")
public record CampaignRunScheduled(String campaignId, String workspaceId, Instant runAt, Instant scheduledAt) {
}
