package io.automark.query.campaign;

import io.automark.events.campaign.Schedule;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * One version of a campaign with its flow, kept by {@link CampaignVersionProjection}; older versions stay readable.
 *
 * @param id             {@code campaignId:version}
 * @param basedOnVersion the version an edit started from; null for version 1
 * @param flowJson       the flow as JSON text: component configurations are free-form maps whose keys may hold
 *                       characters that MongoDB refuses in field names
 * @param publishedAt    when this version was last published; null when never
 */
@Document(CampaignVersionView.COLLECTION)
public record CampaignVersionView(@Id String id, String campaignId, String workspaceId, int version,
                                  Integer basedOnVersion, String name, String description, String groupId,
                                  List<String> subCampaigns, String flowJson, Schedule schedule, Instant createdAt,
                                  Instant updatedAt, String createdBy, String updatedBy, Instant publishedAt) {

    public static final String COLLECTION = "view_campaign_versions";

    public static String idOf(String campaignId, int version) {
        return campaignId + ":" + version;
    }
}
