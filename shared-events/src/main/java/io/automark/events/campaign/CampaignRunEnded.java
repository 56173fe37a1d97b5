package io.automark.events.campaign;

import io.automark.events.execution.ExecutionStatus;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A run of a campaign ended while the campaign goes on: a run of a periodic campaign (which runs until its runs are
 * used up or its end time passes), or the run of an older version whose users stayed pinned to it. The end of a
 * one-time campaign's newest run is recorded as {@link CampaignFinished} instead.
 *
 * @param status COMPLETED, ABNORMAL_END or STOPPED
 */
@Revision("1")
public record CampaignRunEnded(String campaignId, String workspaceId, String executionId, ExecutionStatus status,
                               Instant endedAt) {
}
