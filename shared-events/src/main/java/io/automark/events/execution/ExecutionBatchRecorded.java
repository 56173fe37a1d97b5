package io.automark.events.execution;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A batch of users went through the flow; one event holds every component's outcomes for the batch.
 *
 * <p>Results travel in batches so that a run over a million users writes thousands of events, not millions.
 *
 * @param batchNumber 0-based, unique within the execution; a batch is recorded once
 */
// Revision 2 added ComponentOutcomes.resumed; revision 1 events read as not resumed. Revision 3 groups the users by
// outcome; ComponentOutcomes reads the per-user records of revisions 1 and 2 into groups. No upcaster is needed.
@Revision("3")
public record ExecutionBatchRecorded(String executionId, String campaignId, String workspaceId, long batchNumber,
                                     List<ComponentOutcomes> components, Instant recordedAt) {

    public ExecutionBatchRecorded {
        components = List.copyOf(components);
    }
}
