package io.automark.query.execution.users;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.automark.events.execution.ComponentOutcomes;
import io.automark.events.execution.ExecutionBatchRecorded;
import io.automark.events.execution.UserOutcome;
import io.automark.query.execution.FieldKey;
import io.automark.query.infrastructure.QueryProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps {@link UserRow}: a batch becomes one unordered bulk write with one upsert per user. Steps are added to a
 * set and the latest step per component is overwritten with the same values, so a redelivered batch changes
 * nothing.
 */
@Component
@ProcessingGroup(QueryProcessingGroups.EXECUTION_USERS)
public class ExecutionUserProjection {

    private static final Logger log = LoggerFactory.getLogger(ExecutionUserProjection.class);
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    private final MongoTemplate mongo;
    private final UserDetailsProperties properties;

    public ExecutionUserProjection(MongoTemplate mongo, UserDetailsProperties properties) {
        this.mongo = mongo;
        this.properties = properties;
        UserRowIndexes.create(mongo.indexOps(UserRow.COLLECTION));
    }

    @EventHandler
    public void on(ExecutionBatchRecorded event) {
        Instant expireAt = event.recordedAt().plus(properties.retention());
        if (!expireAt.isAfter(Instant.now())) {
            log.debug("Batch [{}] of execution [{}] is past retention; its user rows are not written",
                    event.batchNumber(), event.executionId());
            return;
        }

        Map<String, List<Document>> stepsByUser = stepsByUser(event);
        if (stepsByUser.isEmpty()) {
            return;
        }

        // The driver's own models: mapping thousands of updates through Spring's converter doubled the write time.
        List<UpdateOneModel<Document>> upserts = new ArrayList<>(stepsByUser.size());
        stepsByUser.forEach((userId, steps) -> upserts.add(new UpdateOneModel<>(
                Filters.eq("_id", UserRow.idOf(event.executionId(), userId)),
                rowUpdate(event, userId, steps, expireAt),
                UPSERT)));
        mongo.getCollection(UserRow.COLLECTION).bulkWrite(upserts, UNORDERED);
    }

    private static Map<String, List<Document>> stepsByUser(ExecutionBatchRecorded event) {
        Map<String, List<Document>> steps = new LinkedHashMap<>();

        for (ComponentOutcomes component : event.components()) {
            for (UserOutcome user : component.users()) {
                steps.computeIfAbsent(user.userId(), id -> new ArrayList<>())
                        .add(step(component.componentId(), user, event));
            }
        }
        return steps;
    }

    /** A step as a plain document with a fixed field order, so the same outcome is always the same set member. */
    private static Document step(String componentId, UserOutcome user, ExecutionBatchRecorded event) {
        Document step = new Document("componentId", componentId)
                .append("result", user.result().name());

        if (user.branch() != null) {
            step.append("branch", user.branch());
        }
        if (user.reason() != null) {
            step.append("reason", user.reason());
        }
        return step.append("at", Date.from(event.recordedAt()))
                .append("batch", event.batchNumber());
    }

    private static Bson rowUpdate(ExecutionBatchRecorded event, String userId, List<Document> steps,
                                  Instant expireAt) {
        List<Bson> updates = new ArrayList<>(List.of(
                Updates.setOnInsert("executionId", event.executionId()),
                Updates.setOnInsert("userId", userId),
                Updates.setOnInsert("workspaceId", event.workspaceId()),
                Updates.setOnInsert("campaignId", event.campaignId()),
                Updates.max("expireAt", Date.from(expireAt)),
                Updates.addEachToSet("steps", steps)));

        steps.forEach(step -> updates.add(Updates.set("last." + FieldKey.encode(step.getString("componentId")), step)));
        return Updates.combine(updates);
    }
}
