package io.automark.query.audience.operation;

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

/** The operations that save a component's users as an audience, and how each ended. */
@RestController
@RequestMapping("/api/v1/workspaces/{ws}")
public class AudienceOperationQueryController {

    private final AudienceOperationQueries operations;

    public AudienceOperationQueryController(AudienceOperationQueries operations) {
        this.operations = operations;
    }

    @Operation(summary = "Lists the audience operations requested for a component of an execution, newest first")
    @GetMapping("/executions/{executionId}/components/{componentId}/audiences")
    public List<AudienceOperationView> ofComponent(
            @PathVariable @WorkspaceId String ws,
            @PathVariable @ResourceId String executionId,
            @PathVariable @ResourceId String componentId,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return operations.ofComponent(ws, executionId, componentId, limit);
    }

    @Operation(summary = "Reads one audience operation",
            description = "With minVersion, waits a few seconds for the operation to reach that version; the "
                    + "request answered with version 1.")
    @GetMapping("/audience-operations/{id}")
    public AudienceOperationView operation(
            @PathVariable @WorkspaceId String ws,
            @PathVariable @ResourceId String id,
            @RequestParam(required = false) @Min(1) Long minVersion) {
        return operations.operation(ws, id, minVersion);
    }
}
