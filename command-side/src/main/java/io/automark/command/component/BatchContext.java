package io.automark.command.component;

import io.automark.events.campaign.FlowComponent;

/** Which execution and batch a component works for. */
public record BatchContext(String executionId, String campaignId, String workspaceId, long batchNumber) {

    /** The key that makes a send unique: one per user, component and execution. */
    public String idempotencyKey(FlowComponent component, String userId) {
        return executionId + ":" + component.id() + ":" + userId;
    }
}
