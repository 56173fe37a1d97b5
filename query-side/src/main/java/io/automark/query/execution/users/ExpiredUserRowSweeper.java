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
 * Deletes user rows past their expiry. MongoDB's TTL index does this on its own; the embedded development server
 * has no TTL monitor, and without this its user rows would pile up forever. Queries never depend on it: they skip
 * expired rows themselves.
 */
@Component
public class ExpiredUserRowSweeper implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ExpiredUserRowSweeper.class);

    private final MongoTemplate mongo;
    private final UserDetailsProperties properties;

    public ExpiredUserRowSweeper(MongoTemplate mongo, UserDetailsProperties properties) {
        this.mongo = mongo;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::sweep, properties.sweepInterval());
    }

    /** Deletes every row whose expiry has passed and answers how many there were. */
    public long sweep() {
        Query expired = Query.query(Criteria.where("expireAt").lte(Instant.now()));
        DeleteResult result = mongo.remove(expired, UserRow.class);

        if (result.getDeletedCount() > 0) {
            log.info("Deleted [{}] expired user rows of executions", result.getDeletedCount());
        }
        return result.getDeletedCount();
    }
}
