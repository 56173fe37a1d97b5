package io.automark.command.execution;

import io.automark.events.campaign.FlowDefinition;

import java.util.List;
import java.util.Map;

/**
 * The work of running one execution over its audience, as the job store holds it.
 *
 * @param nextBatch      the first batch not yet recorded; a worker that takes the job over resumes there
 * @param failures       components that failed in earlier batches; the execution ends abnormally when any did
 * @param failedAttempts by batch number, how many attempts of the batch threw; batches that never threw are absent
 */
record ExecutionJob(String executionId, String campaignId, String workspaceId, FlowDefinition flow,
                    String audienceId, long nextBatch, List<String> failures, Map<Long, Integer> failedAttempts) {

    ExecutionJob {
        failedAttempts = Map.copyOf(failedAttempts);
    }

    /** How many attempts of the batch threw so far. */
    int failedAttempts(long batchNumber) {
        return failedAttempts.getOrDefault(batchNumber, 0);
    }
}
