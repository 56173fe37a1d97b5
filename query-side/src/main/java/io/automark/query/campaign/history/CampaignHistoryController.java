package io.automark.query.campaign.history;

import io.automark.query.web.ResourceId;
import io.automark.query.web.WorkspaceId;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The audit trail of one campaign. */
@RestController
public class CampaignHistoryController {

    private final CampaignHistory history;

    public CampaignHistoryController(CampaignHistory history) {
        this.history = history;
    }

    @Operation(summary = "Lists a campaign's events in order: type, time, actor and payload")
    @GetMapping("/api/v1/workspaces/{ws}/campaigns/{id}/history")
    public List<HistoryEntry> history(@PathVariable @WorkspaceId String ws, @PathVariable @ResourceId String id) {
        return history.of(ws, id);
    }
}
