package io.automark.query.infrastructure;

import com.mongodb.client.MongoClient;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.context.annotation.Configuration;

/**
 * Wires Axon's MongoDB extension for the query side on its own: the event store it reads and the token store
 * that remembers how far each processing group got. Its Spring Boot starter cannot be downloaded, and Axon's own
 * auto-configuration picks these beans up.
 *
 * <p>The bean names match the command side's on purpose: when both sides run in one process, this class is left
 * out and the command side's beans serve both. No other query-side class may therefore depend on a bean that only
 * this class defines.
 */
@Configuration(proxyBeanMethods = false)
public class QueryStorageConfiguration {

    @Bean
    public MongoTemplate axonMongoTemplate(MongoClient client, MongoDatabaseFactory databases) {
        // The same database as the read models and stores, named by the URI (or spring.data.mongodb.database).
        return DefaultMongoTemplate.builder()
                .mongoDatabase(client, databases.getMongoDatabase().getName())
                .build();
    }

    @Bean
    public EventStorageEngine eventStorageEngine(MongoTemplate axonMongoTemplate,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 Serializer serializer) {
        return MongoEventStorageEngine.builder()
                .mongoTemplate(axonMongoTemplate)
                .eventSerializer(eventSerializer)
                .snapshotSerializer(serializer)
                .build();
    }

    /** The event store with a small cache of recent events: batch events are large (see the command side's). */
    @Bean
    public EmbeddedEventStore eventStore(EventStorageEngine eventStorageEngine,
                                         @Value("${automark.events.cached:200}") int cachedEvents) {
        return EmbeddedEventStore.builder()
                .storageEngine(eventStorageEngine)
                .cachedEvents(cachedEvents)
                .build();
    }

    @Bean
    public TokenStore tokenStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
        return MongoTokenStore.builder()
                .mongoTemplate(axonMongoTemplate)
                .serializer(serializer)
                .build();
    }
}
