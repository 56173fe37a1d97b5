package io.automark.events.campaign;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A STOPPED campaign was started again; it is IN_PROGRESS and a new execution begins at the first component.
 *
 * @param executionId the new execution
 */
@Revision("1")
public record CampaignRestarted(String campaignId, String workspaceId, int flowVersion, String executionId,
                                Instant restartedAt) {
}
