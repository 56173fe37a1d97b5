package io.automark.command.component;

import io.automark.events.campaign.FlowComponent;

import java.util.Map;

/**
 * Which execution and batch a component works for.
 *
 * @param audienceId   the audience the batch's users come from; null for users let in by events
 * @param earlier      the outcomes of the components that already ran in this batch
 * @param sourceChunks for users who waited, the audience chunk each came from; empty for a batch read from the
 *                     audience, whose chunk {@code batchNumber} holds its users
 */
public record BatchContext(String executionId, String campaignId, String workspaceId, String audienceId,
                           long batchNumber, BatchOutcomes earlier, Map<String, Long> sourceChunks) {

    public BatchContext(String executionId, String campaignId, String workspaceId, String audienceId,
                        long batchNumber) {
        this(executionId, campaignId, workspaceId, audienceId, batchNumber, new BatchOutcomes(), Map.of());
    }

    /** A batch of users whose wait ended, with the audience chunk each came from. */
    public static BatchContext resumed(String executionId, String campaignId, String workspaceId, String audienceId,
                                       long batchNumber, Map<String, Long> sourceChunks) {
        return new BatchContext(executionId, campaignId, workspaceId, audienceId, batchNumber, new BatchOutcomes(),
                Map.copyOf(sourceChunks));
    }

    /** The audience chunk that holds the user. */
    public long chunkOf(String userId) {
        return sourceChunks.getOrDefault(userId, batchNumber);
    }

    /** The key that makes a send unique: one per user, component and execution. */
    public String idempotencyKey(FlowComponent component, String userId) {
        return idempotencyKey(component.id(), userId);
    }

    public String idempotencyKey(String componentId, String userId) {
        return executionId + ":" + componentId + ":" + userId;
    }
}
