package io.automark.query.campaign;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.automark.events.campaign.FlowDefinition;
import io.automark.events.campaign.Schedule;

import java.time.Instant;
import java.util.List;

/**
 * One version of a campaign as the API shows it.
 *
 * @param published whether this is the version last published
 * @param current   whether this is the newest version, the one being edited
 * @param flow      present when one version is read, absent in the list of versions
 */
public record CampaignVersion(int version, Integer basedOnVersion, boolean published, boolean current, String name,
                              String description, String groupId, List<String> subCampaigns, Schedule schedule,
                              Instant createdAt, Instant updatedAt, String createdBy, String updatedBy,
                              Instant publishedAt, @JsonInclude(JsonInclude.Include.NON_NULL) FlowDefinition flow) {

    static CampaignVersion of(CampaignVersionView view, CampaignView campaign, FlowDefinition flow) {
        boolean published = campaign.publishedVersion() != null && campaign.publishedVersion() == view.version();

        return new CampaignVersion(view.version(), view.basedOnVersion(), published,
                campaign.currentFlowVersion() == view.version(), view.name(), view.description(), view.groupId(),
                view.subCampaigns(), view.schedule(), view.createdAt(), view.updatedAt(), view.createdBy(),
                view.updatedBy(), view.publishedAt(), flow);
    }
}
