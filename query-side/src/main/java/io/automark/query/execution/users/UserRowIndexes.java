package io.automark.query.execution.users;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;

import java.time.Duration;

/**
 * The indexes of the user rows. On MongoDB, a TTL index removes a row once its {@code expireAt} passes. The
 * embedded development server accepts and ignores both, so queries also filter on {@code expireAt} and
 * {@link ExpiredUserRowSweeper} deletes what has expired.
 */
final class UserRowIndexes {

    private UserRowIndexes() {
    }

    static void create(IndexOperations indexes) {
        indexes.createIndex(new Index()
                .on("expireAt", Sort.Direction.ASC)
                .expire(Duration.ZERO)
                .named("expire_at_ttl"));
        indexes.createIndex(new Index()
                .on("executionId", Sort.Direction.ASC)
                .named("execution"));
    }
}
