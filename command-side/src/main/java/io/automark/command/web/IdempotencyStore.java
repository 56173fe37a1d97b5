package io.automark.command.web;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Remembers the first answer to each idempotency key of a workspace. The key's document is claimed with a unique
 * {@code _id} before the command runs, so two instances never run the same keyed command twice.
 */
@Repository
class IdempotencyStore {

    static final Duration RETENTION = Duration.ofHours(24);

    private final MongoCollection<Document> keys;

    IdempotencyStore(MongoTemplate mongo) {
        this.keys = mongo.getCollection("idempotency_keys");
        // Real MongoDB expires old keys by this index; the embedded server ignores it, see find().
        keys.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
    }

    /** Claims the key; answers the earlier record instead when the key is already claimed and still current. */
    Optional<Document> claim(String id, String hash, Instant now) {
        Document claim = new Document("_id", id)
                .append("hash", hash)
                .append("state", "PENDING")
                .append("expiresAt", Date.from(now.plus(RETENTION)));
        try {
            keys.insertOne(claim);
            return Optional.empty();
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        Document earlier = keys.find(Filters.eq("_id", id)).first();
        if (earlier == null || earlier.getDate("expiresAt").toInstant().isBefore(now)) {
            keys.deleteOne(Filters.eq("_id", id));
            return claim(id, hash, now);
        }
        return Optional.of(earlier);
    }

    void complete(String id, int status, String contentType, byte[] body) {
        keys.updateOne(Filters.eq("_id", id), Updates.combine(
                Updates.set("state", "DONE"),
                Updates.set("status", status),
                Updates.set("contentType", contentType),
                Updates.set("body", new Binary(body))));
    }

    void release(String id) {
        keys.deleteOne(Filters.and(Filters.eq("_id", id), Filters.eq("state", "PENDING")));
    }
}
