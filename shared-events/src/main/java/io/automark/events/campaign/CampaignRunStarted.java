package io.automark.events.campaign;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A periodic campaign began a scheduled run with a new execution.
 *
 * @param runNumber    how many runs the campaign has made, this one included
 * @param scheduledFor the time the run was due; earlier than {@code startedAt} when it catches up on missed times
 * @param missedRuns   how many further due times passed before it started; they are not run (at most 1000 counted)
 */
@Revision("1")
public record CampaignRunStarted(String campaignId, String workspaceId, int flowVersion, String executionId,
                                 int runNumber, Instant scheduledFor, int missedRuns, Instant startedAt) {
}
