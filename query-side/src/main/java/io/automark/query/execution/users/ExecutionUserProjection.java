package io.automark.query.execution.users;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import io.automark.events.execution.ComponentOutcomes;
import io.automark.events.execution.ExecutionBatchRecorded;
import io.automark.query.infrastructure.QueryProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Keeps {@link UserBatch}: a recorded batch becomes one inserted document. A redelivered batch finds its document
 * written and leaves it as it is, so it changes nothing. Users whose wait ended are first taken out of the WAITING
 * groups of earlier batches ({@link ResumedWaits}), on every delivery, guarded: a crash between those moves and the
 * insert is made good by the redelivery.
 */
@Component
@ProcessingGroup(QueryProcessingGroups.EXECUTION_USERS)
public class ExecutionUserProjection {

    private static final Logger log = LoggerFactory.getLogger(ExecutionUserProjection.class);

    private final MongoCollection<Document> batches;
    private final ResumedWaits resumedWaits;
    private final UserDetailsProperties properties;

    public ExecutionUserProjection(MongoTemplate mongo, UserDetailsProperties properties) {
        // The driver's own documents: mapping thousands of user ids through Spring's converter costs more than the
        // write itself.
        this.batches = mongo.getCollection(UserBatch.COLLECTION);
        this.resumedWaits = new ResumedWaits(batches);
        this.properties = properties;
        UserBatchIndexes.create(mongo.indexOps(UserBatch.COLLECTION));
    }

    @EventHandler
    public void on(ExecutionBatchRecorded event) {
        Instant expireAt = event.recordedAt().plus(properties.retention());
        if (!expireAt.isAfter(Instant.now())) {
            log.debug("Batch [{}] of execution [{}] is past retention; its user details are not written",
                    event.batchNumber(), event.executionId());
            return;
        }
        if (!UserBatchDocument.hasUsers(event)) {
            return;
        }

        event.components().stream()
                .filter(ComponentOutcomes::resumed)
                .forEach(resumed -> resumedWaits.settle(event, resumed));

        insert(event, UserBatchDocument.of(event, expireAt));
    }

    private void insert(ExecutionBatchRecorded event, Document batch) {
        try {
            batches.insertOne(batch);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            log.debug("Batch [{}] of execution [{}] was written before; left as it is", event.batchNumber(),
                    event.executionId());
        }
    }
}
