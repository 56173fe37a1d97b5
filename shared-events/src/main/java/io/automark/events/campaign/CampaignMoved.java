package io.automark.events.campaign;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A campaign was filed in another group.
 *
 * @param fromGroupId null when it was Ungrouped
 * @param toGroupId   null when it is now Ungrouped
 */
@Revision("1")
public record CampaignMoved(String campaignId, String workspaceId, String fromGroupId, String toGroupId,
                            Instant movedAt) {
}
