package io.automark.command.execution;

import io.automark.events.campaign.FlowDefinition;

import java.util.List;

/**
 * The work of running one execution over its audience, as the job store holds it.
 *
 * @param nextBatch the first batch not yet recorded; a worker that takes the job over resumes there
 * @param failures  components that failed in earlier batches; the execution ends abnormally when any did
 */
record ExecutionJob(String executionId, String campaignId, String workspaceId, FlowDefinition flow,
                    String audienceId, long nextBatch, List<String> failures) {
}
