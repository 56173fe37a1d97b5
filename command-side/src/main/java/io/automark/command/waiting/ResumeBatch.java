package io.automark.command.waiting;

/**
 * Users of one execution whose wait at one component ended, gathered under a batch number of the execution.
 *
 * @param batchNumber    taken from {@link ResumeBatchNumbers}, so it never meets an audience chunk's number
 * @param failedAttempts how many runs of the batch threw so far, as counted by {@link ResumeBatches}
 */
public record ResumeBatch(String executionId, String campaignId, String workspaceId, String componentId,
                          long batchNumber, int failedAttempts) {

    public ResumeBatch(String executionId, String campaignId, String workspaceId, String componentId,
                       long batchNumber) {
        this(executionId, campaignId, workspaceId, componentId, batchNumber, 0);
    }

    public String id() {
        return executionId + ":" + batchNumber;
    }
}
