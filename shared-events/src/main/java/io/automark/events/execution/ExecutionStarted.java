package io.automark.events.execution;

import io.automark.events.campaign.FlowDefinition;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A campaign began a run: its publish, a restart, a periodic run or a re-execution.
 *
 * @param flowVersion the campaign version whose flow this execution runs
 * @param flow        that flow, so that the execution reads the same flow whatever is edited later
 */
@Revision("1")
public record ExecutionStarted(String executionId, String campaignId, String workspaceId, int flowVersion,
                               FlowDefinition flow, Instant startedAt) {
}
