package io.automark.command.infrastructure;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.OptionalInt;

/**
 * Failed attempts of a batch kept as a leased document ({@code status}, {@code owner}, {@code leaseUntil}), such as a
 * resume batch or an entry batch: only the batch's holder counts, in one update, so that instances agree on the
 * count.
 */
public final class LeasedBatchAttempts {

    private LeasedBatchAttempts() {
    }

    /**
     * Counts a failed run of the batch and hands it back until {@code retryAt}, when any instance may claim it again.
     *
     * @return the failed attempts so far; empty when {@code owner} no longer holds the batch
     */
    public static OptionalInt countFailed(MongoCollection<Document> batches, String batchId, String owner,
                                          Instant retryAt) {
        Document counted = batches.findOneAndUpdate(Filters.and(
                        Filters.eq("_id", batchId),
                        Filters.eq("owner", owner),
                        Filters.eq("status", "RUNNING")),
                Updates.combine(
                        Updates.inc("failedAttempts", 1),
                        Updates.set("leaseUntil", Date.from(retryAt))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return counted == null ? OptionalInt.empty() : OptionalInt.of(counted.getInteger("failedAttempts"));
    }
}
