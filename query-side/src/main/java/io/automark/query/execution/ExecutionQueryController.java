package io.automark.query.execution;

import io.automark.events.execution.ExecutionStatus;
import io.automark.query.web.ResourceId;
import io.automark.query.web.WorkspaceId;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Execution records and their per-component figures. */
@RestController
@RequestMapping("/api/v1/workspaces/{ws}")
public class ExecutionQueryController {

    private final ExecutionQueries executions;

    public ExecutionQueryController(ExecutionQueries executions) {
        this.executions = executions;
    }

    @Operation(summary = "Lists a campaign's executions, newest first")
    @GetMapping("/campaigns/{id}/executions")
    public List<ExecutionDetails> ofCampaign(
            @PathVariable @WorkspaceId String ws,
            @PathVariable @ResourceId String id,
            @RequestParam(required = false) ExecutionStatus status,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return executions.ofCampaign(ws, id, status, limit);
    }

    @Operation(summary = "Reads an execution with every component's figures",
            description = "With minVersion, waits a few seconds for the execution to reach that version.")
    @GetMapping("/executions/{executionId}")
    public ExecutionDetails execution(
            @PathVariable @WorkspaceId String ws,
            @PathVariable @ResourceId String executionId,
            @RequestParam(required = false) @Min(1) Long minVersion) {
        return executions.details(ws, executionId, minVersion);
    }
}
