package io.automark.events.campaign;

import io.automark.events.execution.ExecutionStatus;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A run of a periodic campaign ended. The campaign goes on running until its runs are used up or its end time
 * passes. A one-time campaign records its run's end as {@link CampaignFinished} instead.
 *
 * @param status COMPLETED, ABNORMAL_END or STOPPED
 */
@Revision("1")
public record CampaignRunEnded(String campaignId, String workspaceId, String executionId, ExecutionStatus status,
                               Instant endedAt) {
}
