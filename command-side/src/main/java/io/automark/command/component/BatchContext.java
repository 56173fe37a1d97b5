package io.automark.command.component;

import io.automark.events.campaign.FlowComponent;

/**
 * Which execution and batch a component works for.
 *
 * @param audienceId the audience the batch was read from; its chunk {@code batchNumber} holds the batch's users
 * @param earlier    the outcomes of the components that already ran in this batch
 */
public record BatchContext(String executionId, String campaignId, String workspaceId, String audienceId,
                           long batchNumber, BatchOutcomes earlier) {

    public BatchContext(String executionId, String campaignId, String workspaceId, String audienceId,
                        long batchNumber) {
        this(executionId, campaignId, workspaceId, audienceId, batchNumber, new BatchOutcomes());
    }

    /** The key that makes a send unique: one per user, component and execution. */
    public String idempotencyKey(FlowComponent component, String userId) {
        return idempotencyKey(component.id(), userId);
    }

    public String idempotencyKey(String componentId, String userId) {
        return executionId + ":" + componentId + ":" + userId;
    }
}
