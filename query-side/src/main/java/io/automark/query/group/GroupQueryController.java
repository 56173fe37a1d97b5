package io.automark.query.group;

import io.automark.query.campaign.CampaignQueries;
import io.automark.query.web.WorkspaceId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The group tree, with which groups hold campaigns according to the campaign read model. */
@RestController
public class GroupQueryController {

    private final GroupQueries groups;
    private final CampaignQueries campaigns;

    public GroupQueryController(GroupQueries groups, CampaignQueries campaigns) {
        this.groups = groups;
        this.campaigns = campaigns;
    }

    @Operation(summary = "Shows the workspace's group tree, Ungrouped first, siblings by position",
            description = "Ungrouped (id 'ungrouped') has position -1. With q, only the groups whose names contain"
                    + " q, ignoring case, are shown, with their ancestors; positions stay those of the whole tree.")
    @GetMapping("/api/v1/workspaces/{ws}/groups")
    public List<GroupNode> groups(@PathVariable @WorkspaceId String ws,
                                  @Parameter(description = "part of a group name, ignoring case")
                                  @RequestParam(required = false) @Size(max = 200) String q) {
        return groups.tree(ws, q, campaigns.groupsWithCampaigns(ws));
    }
}
