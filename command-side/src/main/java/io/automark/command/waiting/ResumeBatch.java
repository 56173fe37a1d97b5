package io.automark.command.waiting;

/**
 * Users of one execution whose wait at one component ended, gathered under a batch number of the execution.
 *
 * @param batchNumber taken from {@link ResumeBatchNumbers}, so it never meets an audience chunk's number
 */
public record ResumeBatch(String executionId, String campaignId, String workspaceId, String componentId,
                          long batchNumber) {

    public String id() {
        return executionId + ":" + batchNumber;
    }
}
