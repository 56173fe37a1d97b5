package io.automark.query.template;

import io.automark.events.template.TemplateSaved;
import io.automark.query.campaign.FlowJson;
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

/** Keeps {@link TemplateView}: one upsert per saved template. */
@Component
@ProcessingGroup(QueryProcessingGroups.TEMPLATES)
public class TemplateProjection {

    private final MongoTemplate mongo;
    private final FlowJson flows;

    public TemplateProjection(MongoTemplate mongo, FlowJson flows) {
        this.mongo = mongo;
        this.flows = flows;
        mongo.indexOps(TemplateView.class).createIndex(new Index()
                .on("workspaceId", Sort.Direction.ASC)
                .on("name", Sort.Direction.ASC)
                .named("workspace_name"));
    }

    @EventHandler
    public void on(TemplateSaved event) {
        Update update = new Update()
                .set("workspaceId", event.workspaceId())
                .set("name", event.name())
                .set("flowJson", flows.write(event.flow()))
                .set("savedAt", event.savedAt());

        mongo.upsert(Query.query(Criteria.where("_id").is(event.templateId())), update, TemplateView.class);
    }
}
