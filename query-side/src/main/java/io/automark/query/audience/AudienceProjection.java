package io.automark.query.audience;

import io.automark.events.audience.AudienceImported;
import io.automark.query.infrastructure.QueryProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Keeps {@link AudienceView}: one upsert per imported audience. */
@Component
@ProcessingGroup(QueryProcessingGroups.AUDIENCES)
public class AudienceProjection {

    private final MongoTemplate mongo;

    public AudienceProjection(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(AudienceView.class).createIndex(new Index()
                .on("workspaceId", Sort.Direction.ASC)
                .on("importedAt", Sort.Direction.DESC)
                .named("workspace_imported"));
    }

    @EventHandler
    public void on(AudienceImported event) {
        Update update = new Update()
                .set("workspaceId", event.workspaceId())
                .set("name", event.name())
                .set("size", event.size())
                .set("origin", event.origin())
                .set("importedAt", event.importedAt());

        mongo.upsert(Query.query(Criteria.where("_id").is(event.audienceId())), update, AudienceView.class);
    }
}
