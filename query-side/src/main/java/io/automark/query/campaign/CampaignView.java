package io.automark.query.campaign;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.automark.events.campaign.CampaignStatus;
import io.automark.events.campaign.EndState;
import io.automark.events.campaign.Schedule;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

import static com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS;

/**
 * A campaign as lists and details show it: one document per campaign, kept by {@link CampaignProjection}.
 *
 * @param groupId            null for Ungrouped
 * @param version            the campaign aggregate's version: the sequence number of its last event plus one, the
 *                           number a command answered with and {@code minVersion} waits for
 * @param publishedVersion   the flow version last published; null while DRAFT
 * @param currentFlowVersion the newest flow version, the one being edited
 * @param endState           set only while FINISHED
 * @param lastExecution      the newest run; null before the first
 * @param copiedFrom         the campaign version this one was copied from; null when it was not copied
 * @param templateId         the template it was created from; null when it was not, and always null for a copy
 * @param nextRunAt          when a periodic campaign's next run is due; null when none is scheduled
 * @param startDeferredAt    when the start time of a campaign still NOT_STARTED found no IN_PROGRESS place
 *                           free; it keeps trying. Null when it is not waiting
 * @param sortName           the name in lower case, for sorting by name ignoring case; not shown
 * @param statusOrder        the status's place in the lifecycle, for sorting by status; not shown
 *
 * <p>The fields the API contract lists are always present, null when unset.
 */
@Document(CampaignView.COLLECTION)
public record CampaignView(@Id String id, String workspaceId, String name, @JsonInclude(ALWAYS) String description,
                           @JsonInclude(ALWAYS) String groupId, List<String> subCampaigns, CampaignStatus status,
                           @JsonInclude(ALWAYS) EndState endState, long version,
                           @JsonInclude(ALWAYS) Integer publishedVersion, int currentFlowVersion, Instant createdAt,
                           Instant updatedAt, String createdBy, String updatedBy, Schedule schedule,
                           @JsonInclude(ALWAYS) LastExecution lastExecution,
                           CopiedFrom copiedFrom, String templateId, Instant nextRunAt, Instant startDeferredAt,
                           @JsonIgnore String sortName, @JsonIgnore Integer statusOrder) {

    public static final String COLLECTION = "view_campaigns";

    /** The source of a copy. */
    public record CopiedFrom(String campaignId, int version) {
    }
}
