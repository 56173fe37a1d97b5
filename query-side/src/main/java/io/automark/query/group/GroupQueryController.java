package io.automark.query.group;

import io.automark.query.web.WorkspaceId;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The group tree. Shortcoming: shared-events has no group events yet, so there is nothing to project and the tree
 * is always empty; once the command side publishes group events, a projection into {@code view_groups} answers
 * here.
 */
@RestController
public class GroupQueryController {

    @Operation(summary = "Shows the workspace's group tree, optionally searched by name (empty until groups exist)")
    @GetMapping("/api/v1/workspaces/{ws}/groups")
    public List<GroupNode> groups(@PathVariable @WorkspaceId String ws,
                                  @RequestParam(required = false) @Size(max = 200) String q) {
        return List.of();
    }
}
