package io.automark.query.execution.users;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;

import java.time.Duration;

/**
 * The indexes of the user batches. On MongoDB, a TTL index removes a batch once its {@code expireAt} passes, lists
 * read an execution's batches in batch order, and a route finds the batches holding a user. The embedded development
 * server accepts and ignores all three, so its queries scan; they also filter on {@code expireAt} themselves and
 * {@link ExpiredUserBatchSweeper} deletes what has expired.
 */
final class UserBatchIndexes {

    private UserBatchIndexes() {
    }

    static void create(IndexOperations indexes) {
        indexes.createIndex(new Index()
                .on(UserBatch.EXPIRE_AT, Sort.Direction.ASC)
                .expire(Duration.ZERO)
                .named("expire_at_ttl"));
        indexes.createIndex(new Index()
                .on(UserBatch.EXECUTION_ID, Sort.Direction.ASC)
                .on(UserBatch.BATCH, Sort.Direction.ASC)
                .named("execution_batch"));
        indexes.createIndex(new Index()
                .on(UserBatch.EXECUTION_ID, Sort.Direction.ASC)
                .on(UserBatch.USERS, Sort.Direction.ASC)
                .named("execution_users"));
    }
}
