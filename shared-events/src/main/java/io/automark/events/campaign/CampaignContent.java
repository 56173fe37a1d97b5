package io.automark.events.campaign;

import java.util.List;

/**
 * What a marketer edits: the name, where the campaign is filed, and its flow and schedule.
 *
 * @param name          required
 * @param description   may be null
 * @param groupId       null for Ungrouped
 * @param subCampaigns  ids of associated sub-campaigns; never null
 * @param flow          never null
 * @param schedule      never null; {@link Schedule#NONE} when the campaign runs once at publish
 */
public record CampaignContent(String name, String description, String groupId, List<String> subCampaigns,
                              FlowDefinition flow, Schedule schedule) {

    public CampaignContent {
        subCampaigns = subCampaigns == null ? List.of() : List.copyOf(subCampaigns);
        flow = flow == null ? new FlowDefinition(List.of(), List.of()) : flow;
        schedule = schedule == null ? Schedule.NONE : schedule;
    }
}
