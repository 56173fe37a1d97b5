package io.automark.command.component;

import io.automark.events.campaign.FlowComponent;

/**
 * Which execution and batch a component works for.
 *
 * @param audienceId the audience the batch was read from; its chunk {@code batchNumber} holds the batch's users
 */
public record BatchContext(String executionId, String campaignId, String workspaceId, String audienceId,
                           long batchNumber) {

    /** The key that makes a send unique: one per user, component and execution. */
    public String idempotencyKey(FlowComponent component, String userId) {
        return executionId + ":" + component.id() + ":" + userId;
    }
}
