package io.automark.command.channel;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Date;

/**
 * Claims the right to send one batch of one component of one execution, once. The claim is a document with a
 * unique {@code _id}, so only one attempt in any process ever wins it, even after a crash and a restart.
 */
@Repository
public class DeliveryClaims {

    private final MongoCollection<Document> claims;

    public DeliveryClaims(MongoTemplate mongo) {
        this.claims = mongo.getCollection("delivery_claims");
    }

    /** Answers true when this caller won the claim and may send; false when an earlier attempt already did. */
    public boolean claim(String executionId, String componentId, long batchNumber, Instant now) {
        try {
            claims.insertOne(new Document("_id", executionId + ":" + componentId + ":" + batchNumber)
                    .append("claimedAt", Date.from(now)));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }
}
