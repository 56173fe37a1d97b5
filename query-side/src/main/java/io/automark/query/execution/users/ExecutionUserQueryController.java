package io.automark.query.execution.users;

import io.automark.events.execution.UserResult;
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

/** Per-user execution details: who reached a component with which result, and one user's route. */
@RestController
@RequestMapping("/api/v1/workspaces/{ws}/executions/{executionId}")
public class ExecutionUserQueryController {

    private final ExecutionUserQueries users;

    public ExecutionUserQueryController(ExecutionUserQueries users) {
        this.users = users;
    }

    @Operation(summary = "Lists the users with an outcome at a component, in batch order; pages are 0-based",
            description = "Details are kept 7 days. For an entry component these are the incoming users.")
    @GetMapping("/components/{componentId}/users")
    public PageOf<ComponentUser> usersAt(
            @PathVariable @WorkspaceId String ws,
            @PathVariable @ResourceId String executionId,
            @PathVariable @ResourceId String componentId,
            @Parameter(description = "'all' (to date) or a span such as 5m") @RequestParam(defaultValue = "all")
            String window,
            @RequestParam(required = false) UserResult result,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return users.usersAt(ws, executionId, componentId, UserWindow.parse(window), result, page, size);
    }

    @Operation(summary = "Shows the components one user passed, in order, with results and times")
    @GetMapping("/users/{userId}/route")
    public UserRoute route(
            @PathVariable @WorkspaceId String ws,
            @PathVariable @ResourceId String executionId,
            @PathVariable @Size(min = 1, max = 256) String userId) {
        return users.route(ws, executionId, userId);
    }
}
