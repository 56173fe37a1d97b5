package io.automark.command.waiting;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.automark.command.infrastructure.LeasedBatchAttempts;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Batches of users whose wait ended, to be taken on through the flow by any instance's workers. A worker claims a
 * batch with a lease, as it claims jobs; a batch whose worker died is taken over when the lease runs out and runs
 * again with the same number, so the delivery ledger repeats no send.
 */
@Repository
public class ResumeBatches {

    private final MongoCollection<Document> batches;

    public ResumeBatches(MongoTemplate mongo) {
        this.batches = mongo.getCollection("execution_resume_batches");
        batches.createIndex(Indexes.ascending("status", "leaseUntil"), new IndexOptions().name("claimable"));
        batches.createIndex(Indexes.ascending("executionId", "status"), new IndexOptions().name("execution"));
    }

    /** Opens the batch unless it exists, so that opening it again after a crash changes nothing. */
    void open(ResumeBatch batch, Instant now) {
        batches.updateOne(Filters.eq("_id", batch.id()), Updates.combine(
                Updates.setOnInsert("executionId", batch.executionId()),
                Updates.setOnInsert("campaignId", batch.campaignId()),
                Updates.setOnInsert("workspaceId", batch.workspaceId()),
                Updates.setOnInsert("componentId", batch.componentId()),
                Updates.setOnInsert("batch", batch.batchNumber()),
                Updates.setOnInsert("status", "PENDING"),
                Updates.setOnInsert("leaseUntil", Date.from(now))), new UpdateOptions().upsert(true));
    }

    public Optional<ResumeBatch> claim(String owner, Instant now, Duration lease) {
        Document claimed = batches.findOneAndUpdate(Filters.and(
                        Filters.in("status", "PENDING", "RUNNING"),
                        Filters.lte("leaseUntil", Date.from(now))),
                Updates.combine(
                        Updates.set("status", "RUNNING"),
                        Updates.set("owner", owner),
                        Updates.set("leaseUntil", Date.from(now.plus(lease)))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(claimed).map(document -> new ResumeBatch(document.getString("executionId"),
                document.getString("campaignId"), document.getString("workspaceId"),
                document.getString("componentId"), document.get("batch", Number.class).longValue(),
                document.get("failedAttempts", 0)));
    }

    /**
     * Counts a failed run of the batch and hands it back until {@code retryAt}, when any instance may claim it
     * again; only the batch's holder counts, so that instances agree on the count.
     *
     * @return the failed attempts so far; empty when {@code owner} no longer holds the batch
     */
    public OptionalInt countFailedAttempt(ResumeBatch batch, String owner, Instant retryAt) {
        return LeasedBatchAttempts.countFailed(batches, batch.id(), owner, retryAt);
    }

    public void done(ResumeBatch batch) {
        batches.updateOne(Filters.eq("_id", batch.id()), Updates.combine(
                Updates.set("status", "DONE"),
                Updates.set("owner", null)));
    }

    /** How many of the execution's batches are still to run. */
    public long unfinished(String executionId) {
        return batches.countDocuments(Filters.and(Filters.eq("executionId", executionId),
                Filters.ne("status", "DONE")));
    }
}
