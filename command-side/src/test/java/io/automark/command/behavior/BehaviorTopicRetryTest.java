package io.automark.command.behavior;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.automark.command.flow.StoredJson;
import io.automark.events.campaign.ComponentType;
import io.automark.events.campaign.FlowComponent;
import io.automark.events.campaign.FlowDefinition;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * At least once: while the store is away, the intake's poll fails, is retried and nothing is committed; once the
 * store answers, the same events are taken and only then committed. Nothing is skipped meanwhile.
 */
class BehaviorTopicRetryTest {

    private static final String TOPIC = "behavior-retry";
    private static final String GROUP = "retry-test";
    private static final EmbeddedKafkaKraftBroker BROKER = new EmbeddedKafkaKraftBroker(1, 1, TOPIC);
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();

    @BeforeAll
    static void startBroker() {
        BROKER.afterPropertiesSet();
    }

    @AfterAll
    static void stopBroker() {
        BROKER.destroy();
    }

    @Test
    void commitsNothingUntilTheStoreTookTheEvents() throws Exception {
        // The store's data lives in the backend; the intake reaches it only once a server listens on its port.
        MemoryBackend backend = new MemoryBackend();
        MongoServer seeding = new MongoServer(backend);
        MongoServer store = new MongoServer(backend);
        int storePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            storePort = socket.getLocalPort();
        }
        try (MongoClient seeder = MongoClients.create(seeding.bindAndGetConnectionString());
             MongoClient client = MongoClients.create(MongoClientSettings.builder()
                     .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + storePort))
                     .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(1, TimeUnit.SECONDS))
                     .build());
             ValidatorFactory validation = Validation.buildDefaultValidatorFactory();
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                     BROKER.getBrokersAsString()))) {
            new EntryTriggers(new MongoTemplate(seeder, "retry"), new StoredJson(JSON)).add(trigger(), flow());
            MongoTemplate mongo = new MongoTemplate(client, "retry");
            BehaviorIntake intake = new BehaviorIntake(new EntryTriggers(mongo, new StoredJson(JSON)),
                    new BehaviorInbox(mongo), Clock.systemUTC(), event -> { });
            BehaviorKafkaProperties settings = new BehaviorKafkaProperties(true, BROKER.getBrokersAsString(), TOPIC,
                    GROUP, 1, null, Map.of());
            ConcurrentMessageListenerContainer<byte[], byte[]> container = new BehaviorKafkaConfiguration()
                    .behaviorEventContainer(settings, intake, JSON, validation.getValidator(),
                            new OccurredAtRule(Clock.systemUTC(), new BehaviorProperties(Duration.ofMinutes(5))),
                            new DeadLetterTopic(settings),
                            new DefaultListableBeanFactory().getBeanProvider(MeterRegistry.class));
            container.start();
            try {
                produce(Instant.now());
                // Long enough for the poll to fail on the missing store at least once and be tried again.
                Thread.sleep(4_000);
                assertThat(committed(admin)).isNull();

                store.bind("127.0.0.1", storePort);

                await(() -> mongo.getCollection("behavior_inbox").countDocuments() == 1, "the entry");
                await(() -> Long.valueOf(1).equals(committed(admin)), "the commit");
                assertThat(mongo.getCollection("behavior_inbox").find().first().getList("users", Object.class))
                        .hasSize(1);
            } finally {
                container.stop();
                store.shutdownNow();
                seeding.shutdownNow();
            }
        }
    }

    private static void produce(Instant at) throws Exception {
        String value = JSON.writeValueAsString(Map.of("workspaceId", "shop", "userId", "u1", "type", "purchase",
                "occurredAt", at.toString()));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER.getBrokersAsString()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, "u1", value)).get();
        }
    }

    private static EntryTrigger trigger() {
        return new EntryTrigger("exec-1", "camp-1", "shop", "entry", "purchase", Map.of("eventType", "purchase"),
                Instant.now().minus(Duration.ofHours(1)), null);
    }

    private static FlowDefinition flow() {
        return new FlowDefinition(List.of(new FlowComponent("entry", ComponentType.BEHAVIOR_EVENT,
                Map.of("eventType", "purchase"))), List.of());
    }

    private static Long committed(Admin admin) throws Exception {
        OffsetAndMetadata offset = admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get()
                .get(new TopicPartition(TOPIC, 0));
        return offset == null ? null : offset.offset();
    }

    private static void await(Check check, String what) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (check.holds()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }
}
