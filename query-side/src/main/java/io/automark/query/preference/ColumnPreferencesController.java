package io.automark.query.preference;

import io.automark.query.web.WorkspaceId;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

/**
 * Each user's columns of the campaign list: the one write the query side takes. The choice is per-user display
 * state, not domain state: no rule of the command side depends on it, no other user or read model sees it, and no
 * event records it, so sending it through a command and back through an event would store the same value twice
 * for nothing. It lives in its own collection, {@code view_preferences}, written here with an idempotent upsert
 * keyed by workspace and user. A replay of the read models leaves it alone.
 *
 * <p>The user comes from the {@code X-Actor} header, as on the command side; without it, {@code anonymous}.
 */
@RestController
@RequestMapping("/api/v1/workspaces/{ws}/preferences/columns")
public class ColumnPreferencesController {

    static final String ACTOR_HEADER = "X-Actor";
    static final String ANONYMOUS = "anonymous";

    private final MongoTemplate mongo;
    private final Clock clock = Clock.systemUTC();

    public ColumnPreferencesController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Operation(summary = "Reads the user's campaign list columns; empty when the user never chose")
    @GetMapping
    public ListColumns columns(@PathVariable @WorkspaceId String ws,
                               @RequestHeader(name = ACTOR_HEADER, defaultValue = ANONYMOUS)
                               @Size(max = 128) String actor) {
        return ListColumns.of(mongo.findById(ColumnPreferences.idOf(ws, actor), ColumnPreferences.class));
    }

    @Operation(summary = "Saves the user's campaign list columns, replacing the earlier choice")
    @PutMapping
    public ListColumns save(@PathVariable @WorkspaceId String ws,
                            @RequestHeader(name = ACTOR_HEADER, defaultValue = ANONYMOUS)
                            @Size(max = 128) String actor,
                            @RequestBody @Valid ListColumns chosen) {
        refuseRepeats(chosen);

        Update update = new Update()
                .set("workspaceId", ws)
                .set("userId", actor)
                .set("columns", chosen.columns())
                .set("updatedAt", clock.instant());

        mongo.upsert(Query.query(Criteria.where("_id").is(ColumnPreferences.idOf(ws, actor))), update,
                ColumnPreferences.class);

        return columns(ws, actor);
    }

    private static void refuseRepeats(ListColumns chosen) {
        Set<String> seen = new HashSet<>();

        chosen.columns().stream()
                .filter(column -> !seen.add(column))
                .findFirst()
                .ifPresent(column -> {
                    throw new DuplicateColumn(column);
                });
    }
}
