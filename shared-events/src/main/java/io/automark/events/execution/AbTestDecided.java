package io.automark.events.execution;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Map;

/**
 * An AB test's window closed and its winning group was set: the group with the highest share of its users who
 * reached the goal; on a tie, the one with more goals; on a tie still, the group listed first in the configuration.
 *
 * @param inflow users put in each group
 * @param goals  users of each group who reached the goal
 */
@Revision("1")
public record AbTestDecided(String executionId, String campaignId, String workspaceId, String componentId,
                            String winningGroup, Map<String, Long> inflow, Map<String, Long> goals,
                            Instant decidedAt) {

    public AbTestDecided {
        inflow = Map.copyOf(inflow);
        goals = Map.copyOf(goals);
    }
}
