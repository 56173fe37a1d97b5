package io.automark.command.behavior;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * When each user last entered each behaviour-event execution, keyed by execution and user, so the re-entry rule
 * holds across instances. A batch run again after a crash finds its own entries and lets the same users in again.
 */
@Repository
public class EntryLedger {

    private final MongoCollection<Document> entries;

    public EntryLedger(MongoTemplate mongo) {
        this.entries = mongo.getCollection("behavior_entries");
    }

    /**
     * Lets the user in for this batch unless the rule forbids it.
     *
     * @param reentryAfter null for once per run; else how long after entering the user may enter again
     */
    public boolean admit(String executionId, String userId, long batchNumber, Instant now, Duration reentryAfter) {
        String id = executionId + ":" + userId;
        try {
            entries.insertOne(new Document("_id", id).append("batch", batchNumber).append("at", Date.from(now)));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        Document earlier = entries.find(Filters.eq("_id", id)).first();
        long earlierBatch = earlier.get("batch", Number.class).longValue();
        if (earlierBatch == batchNumber) {
            return true;
        }
        boolean mayReenter = reentryAfter != null
                && !earlier.getDate("at").toInstant().plus(reentryAfter).isAfter(now);
        return mayReenter && entries.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("batch", earlierBatch)),
                Updates.combine(Updates.set("batch", batchNumber), Updates.set("at", Date.from(now))))
                .getModifiedCount() == 1;
    }
}
