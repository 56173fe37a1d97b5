package io.automark.query.audience;

import io.automark.query.web.ResourceId;
import io.automark.query.web.WorkspaceId;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Optional;

/** Audiences with their size and origin, and the execution and component that produced them when one did. */
@RestController
@RequestMapping("/api/v1/workspaces/{ws}/audiences")
public class AudienceQueryController {

    private final MongoTemplate mongo;

    public AudienceQueryController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Operation(summary = "Lists the workspace's audiences, newest first")
    @GetMapping
    public List<AudienceDetails> list(@PathVariable @WorkspaceId String ws) {
        Query query = Query.query(Criteria.where("workspaceId").is(ws))
                .with(Sort.by(Sort.Direction.DESC, "importedAt").and(Sort.by("id")));

        return mongo.find(query, AudienceView.class).stream()
                .map(AudienceDetails::of)
                .toList();
    }

    @Operation(summary = "Reads one audience")
    @GetMapping("/{id}")
    public AudienceDetails audience(@PathVariable @WorkspaceId String ws, @PathVariable @ResourceId String id) {
        return Optional.ofNullable(mongo.findById(id, AudienceView.class))
                .filter(audience -> ws.equals(audience.workspaceId()))
                .map(AudienceDetails::of)
                .orElseThrow(() -> new AudienceNotFound(ws, id));
    }
}
