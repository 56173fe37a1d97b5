package io.automark.query.execution.users;

import com.mongodb.client.result.DeleteResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Deletes user batches past their expiry. MongoDB's TTL index does this on its own; the embedded development server
 * has no TTL monitor, and without this its batches would pile up forever. Queries never depend on it: they skip
 * expired batches themselves.
 */
@Component
public class ExpiredUserBatchSweeper implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ExpiredUserBatchSweeper.class);

    private final MongoTemplate mongo;
    private final UserDetailsProperties properties;

    public ExpiredUserBatchSweeper(MongoTemplate mongo, UserDetailsProperties properties) {
        this.mongo = mongo;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::sweep, properties.sweepInterval());
    }

    /** Deletes every batch whose expiry has passed and answers how many there were. */
    public long sweep() {
        Query expired = Query.query(Criteria.where(UserBatch.EXPIRE_AT).lte(Instant.now()));
        DeleteResult result = mongo.remove(expired, UserBatch.COLLECTION);

        if (result.getDeletedCount() > 0) {
            log.info("Deleted [{}] expired user batches of executions", result.getDeletedCount());
        }
        return result.getDeletedCount();
    }
}
