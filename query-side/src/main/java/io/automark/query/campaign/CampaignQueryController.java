package io.automark.query.campaign;

import io.automark.events.campaign.CampaignStatus;
import io.automark.events.campaign.EndState;
import io.automark.query.web.PageOf;
import io.automark.query.web.ResourceId;
import io.automark.query.web.WorkspaceId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Campaign lists, status counts, one campaign and its versions. */
@RestController
@RequestMapping("/api/v1/workspaces/{ws}/campaigns")
public class CampaignQueryController {

    private final CampaignQueries campaigns;

    public CampaignQueryController(CampaignQueries campaigns) {
        this.campaigns = campaigns;
    }

    @Operation(summary = "Lists campaigns, filtered and sorted; pages are 0-based")
    @GetMapping
    public PageOf<CampaignView> list(
            @PathVariable @WorkspaceId String ws,
            @RequestParam(required = false) CampaignStatus status,
            @RequestParam(required = false) EndState endState,
            @Parameter(description = "part of the name, ignoring case") @RequestParam(required = false)
            @Size(max = 200) String q,
            @Parameter(description = "a group id, its sub-groups included, or 'ungrouped'")
            @RequestParam(required = false) @ResourceId String groupId,
            @RequestParam(required = false) @ResourceId String subCampaign,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
            @Parameter(description = "name|createdAt|updatedAt|status (created and updated also do), then"
                    + " optionally ,asc or ,desc; names sort ignoring case, statuses in lifecycle order")
            @RequestParam(defaultValue = "updatedAt,desc") String sort) {
        CampaignFilter filter = new CampaignFilter(status, endState, q, groupId, subCampaign);

        return campaigns.list(ws, filter, CampaignSort.parse(sort), page, size);
    }

    @Operation(summary = "Counts campaigns per status in a group (its sub-groups included) or a name search")
    @GetMapping("/status-counts")
    public StatusCounts statusCounts(
            @PathVariable @WorkspaceId String ws,
            @RequestParam(required = false) @ResourceId String groupId,
            @RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(required = false) @ResourceId String subCampaign) {
        return campaigns.statusCounts(ws, new CampaignFilter(null, null, q, groupId, subCampaign));
    }

    @Operation(summary = "Reads a campaign with its newest flow and last execution",
            description = "With minVersion, waits a few seconds for the read model to reach that version; after the"
                    + " wait the campaign is answered as it stands, so compare its version.")
    @GetMapping("/{id}")
    public CampaignDetails campaign(
            @PathVariable @WorkspaceId String ws,
            @PathVariable @ResourceId String id,
            @RequestParam(required = false) @Min(1) Long minVersion) {
        return campaigns.details(ws, id, minVersion);
    }

    @Operation(summary = "Lists a campaign's versions, oldest first")
    @GetMapping("/{id}/versions")
    public List<CampaignVersion> versions(@PathVariable @WorkspaceId String ws, @PathVariable @ResourceId String id) {
        return campaigns.versions(ws, id);
    }

    @Operation(summary = "Reads one version of a campaign with its flow")
    @GetMapping("/{id}/versions/{version}")
    public CampaignVersion version(
            @PathVariable @WorkspaceId String ws,
            @PathVariable @ResourceId String id,
            @PathVariable @Min(1) int version) {
        return campaigns.version(ws, id, version);
    }
}
