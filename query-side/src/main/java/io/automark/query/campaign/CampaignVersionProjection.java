package io.automark.query.campaign;

import io.automark.events.campaign.CampaignContent;
import io.automark.events.campaign.CampaignCreated;
import io.automark.events.campaign.CampaignDeleted;
import io.automark.events.campaign.CampaignDraftSaved;
import io.automark.events.campaign.CampaignPublished;
import io.automark.events.campaign.CampaignVersionCreated;
import io.automark.query.infrastructure.QueryProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Keeps {@link CampaignVersionView}: one document per campaign version, each event one upsert keyed by
 * {@code campaignId:version}; a deleted campaign's versions go with it.
 */
@Component
@ProcessingGroup(QueryProcessingGroups.CAMPAIGNS)
public class CampaignVersionProjection {

    private final MongoTemplate mongo;
    private final FlowJson flows;

    public CampaignVersionProjection(MongoTemplate mongo, FlowJson flows) {
        this.mongo = mongo;
        this.flows = flows;
    }

    @EventHandler
    public void on(CampaignCreated event, @MetaDataValue("actor") String actor) {
        Update update = withContent(event.content(), event.createdAt(), actor)
                .set("basedOnVersion", null)
                .set("createdAt", event.createdAt())
                .set("createdBy", actor);

        upsert(event.campaignId(), event.workspaceId(), 1, update);
    }

    @EventHandler
    public void on(CampaignDraftSaved event, @MetaDataValue("actor") String actor) {
        Update update = withContent(event.content(), event.savedAt(), actor)
                .setOnInsert("createdAt", event.savedAt())
                .setOnInsert("createdBy", actor);

        upsert(event.campaignId(), event.workspaceId(), event.flowVersion(), update);
    }

    @EventHandler
    public void on(CampaignVersionCreated event, @MetaDataValue("actor") String actor) {
        Update update = withContent(event.content(), event.createdAt(), actor)
                .set("basedOnVersion", event.basedOnVersion())
                .set("createdAt", event.createdAt())
                .set("createdBy", actor);

        upsert(event.campaignId(), event.workspaceId(), event.flowVersion(), update);
    }

    @EventHandler
    public void on(CampaignPublished event) {
        Update update = new Update()
                .set("publishedAt", event.publishedAt());

        upsert(event.campaignId(), event.workspaceId(), event.flowVersion(), update);
    }

    @EventHandler
    public void on(CampaignDeleted event) {
        mongo.remove(Query.query(Criteria.where("campaignId").is(event.campaignId())), CampaignVersionView.class);
    }

    private Update withContent(CampaignContent content, Instant at, String actor) {
        return new Update()
                .set("name", content.name())
                .set("description", content.description())
                .set("groupId", content.groupId())
                .set("subCampaigns", content.subCampaigns())
                .set("flowJson", flows.write(content.flow()))
                .set("schedule", content.schedule())
                .set("updatedAt", at)
                .set("updatedBy", actor);
    }

    private void upsert(String campaignId, String workspaceId, int version, Update update) {
        Query query = Query.query(Criteria.where("_id").is(CampaignVersionView.idOf(campaignId, version)));

        update.set("campaignId", campaignId)
                .set("workspaceId", workspaceId)
                .set("version", version);
        mongo.upsert(query, update, CampaignVersionView.class);
    }
}
