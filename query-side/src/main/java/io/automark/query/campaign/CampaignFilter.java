package io.automark.query.campaign;

import io.automark.events.campaign.CampaignStatus;
import io.automark.events.campaign.EndState;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * What the campaign list and the status counts narrow by; every field may be null, and all given ones must hold
 * at once, so a status narrows a name search and a sub-campaign filter alike.
 *
 * @param status      FINISHED covers both end states
 * @param endState    narrows FINISHED campaigns to one end state
 * @param q           part of the name, matched literally and ignoring case
 * @param groupId     a group with all its sub-groups, or {@value #UNGROUPED} for campaigns in no group
 * @param subCampaign the id of an associated sub-campaign
 */
public record CampaignFilter(CampaignStatus status, EndState endState, String q, String groupId,
                             String subCampaign) {

    public static final String UNGROUPED = "ungrouped";

    /** The same filter for every status, as the status counts need it. */
    public CampaignFilter anyStatus() {
        return new CampaignFilter(null, null, q, groupId, subCampaign);
    }

    Criteria toCriteria(String workspaceId, GroupScope groups) {
        Criteria criteria = Criteria.where("workspaceId").is(workspaceId);

        if (status != null) {
            criteria.and("status").is(status);
        }
        if (endState != null) {
            criteria.and("endState").is(endState);
        }
        if (q != null && !q.isBlank()) {
            criteria.and("name").regex(SearchText.literal(q.strip()), "i");
        }
        if (UNGROUPED.equals(groupId)) {
            criteria.and("groupId").is(null);
        } else if (groupId != null) {
            criteria.and("groupId").in(groups.groupAndSubGroups(workspaceId, groupId));
        }
        if (subCampaign != null) {
            criteria.and("subCampaigns").is(subCampaign);
        }
        return criteria;
    }
}
