package io.automark.query.infrastructure;

import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Reports whether the read-model store answers. It sends {@code ping} rather than the {@code hello} that Spring
 * Boot's own Mongo indicator sends, because the embedded development server does not know {@code hello}.
 */
@Component("queryStoreHealthIndicator")
public class QueryStoreHealthIndicator extends AbstractHealthIndicator {

    private final MongoTemplate mongo;

    public QueryStoreHealthIndicator(MongoTemplate mongo) {
        super("The read-model store did not answer a ping");
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document answer = mongo.executeCommand(new Document("ping", 1));

        builder.up()
                .withDetail("database", mongo.getDb().getName())
                .withDetail("ping", answer.get("ok"));
    }
}
