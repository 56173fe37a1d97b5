package io.automark.command.infrastructure;

import com.mongodb.client.MongoClient;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.context.annotation.Configuration;

/**
 * Wires Axon's MongoDB extension by hand: its Spring Boot starter cannot be downloaded, and Axon's own
 * auto-configuration picks these beans up.
 */
@Configuration(proxyBeanMethods = false)
public class AxonStorageConfiguration {

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

    /**
     * The event store with a small cache of recent events. Axon keeps 10,000 by default for its tracking
     * processors; a batch event holds thousands of outcomes, so that many would fill the heap.
     */
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

    @Bean
    public SagaStore<Object> sagaStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
        return MongoSagaStore.builder()
                .mongoTemplate(axonMongoTemplate)
                .serializer(serializer)
                .build();
    }
}
