package io.automark.command.behavior;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.automark.command.flow.StoredJson;
import io.automark.events.campaign.FlowDefinition;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/** The entry triggers of running behaviour-event executions, shared by every command-side instance. */
@Repository
public class EntryTriggers {

    private final MongoCollection<Document> triggers;
    private final StoredJson json;

    public EntryTriggers(MongoTemplate mongo, StoredJson json) {
        this.triggers = mongo.getCollection("behavior_triggers");
        this.json = json;
    }

    /** Adds the trigger unless it exists, so that a redelivered event changes nothing. */
    public void add(EntryTrigger trigger, FlowDefinition flow) {
        triggers.updateOne(Filters.eq("_id", trigger.executionId()), Updates.combine(
                Updates.setOnInsert("flow", json.write(flow)),
                Updates.setOnInsert("campaignId", trigger.campaignId()),
                Updates.setOnInsert("workspaceId", trigger.workspaceId()),
                Updates.setOnInsert("entryComponentId", trigger.entryComponentId()),
                Updates.setOnInsert("eventType", trigger.eventType()),
                Updates.setOnInsert("config", json.write(trigger.config())),
                Updates.setOnInsert("startedAt", Date.from(trigger.startedAt())),
                Updates.setOnInsert("reentryAfter", trigger.reentryAfter() == null ? null
                        : trigger.reentryAfter().toString()),
                Updates.setOnInsert("nextBatch", 0L)), new UpdateOptions().upsert(true));
    }

    public void removeExecution(String executionId) {
        triggers.deleteOne(Filters.eq("_id", executionId));
    }

    public void removeCampaign(String campaignId) {
        triggers.deleteMany(Filters.eq("campaignId", campaignId));
    }

    /** The flow of a behaviour-event execution that still takes events. */
    public Optional<FlowDefinition> flowOf(String executionId) {
        Document trigger = triggers.find(Filters.eq("_id", executionId)).first();
        return Optional.ofNullable(trigger).map(document -> json.readFlow(document.getString("flow")));
    }

    public List<EntryTrigger> of(String workspaceId, String eventType) {
        List<EntryTrigger> found = new ArrayList<>();
        triggers.find(Filters.and(Filters.eq("workspaceId", workspaceId), Filters.eq("eventType", eventType)))
                .forEach(document -> found.add(read(document)));
        return found;
    }

    /** Hands out the execution's next batch number; numbers never repeat, across instances too. */
    public long nextBatch(String executionId) {
        Document before = triggers.findOneAndUpdate(Filters.eq("_id", executionId), Updates.inc("nextBatch", 1L),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE));
        if (before == null) {
            throw new IllegalStateException("execution " + executionId + " takes no events");
        }
        return before.get("nextBatch", Number.class).longValue();
    }

    private EntryTrigger read(Document document) {
        String reentry = document.getString("reentryAfter");
        return new EntryTrigger(document.getString("_id"), document.getString("campaignId"),
                document.getString("workspaceId"), document.getString("entryComponentId"),
                document.getString("eventType"), json.readConfig(document.getString("config")),
                document.getDate("startedAt").toInstant(), reentry == null ? null : Duration.parse(reentry));
    }
}
