package io.automark.command.behavior;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Filters;
import io.automark.command.CommandSideApplication;
import io.automark.command.support.EmbeddedStore;
import io.automark.command.support.WebhookReceiver;
import io.automark.events.execution.ComponentOutcomes;
import io.automark.events.execution.ExecutionBatchRecorded;
import io.automark.events.execution.ExecutionStarted;
import io.automark.events.execution.UserOutcome;
import io.automark.events.execution.UserResult;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.ConsumerGroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behaviour events from a topic of an embedded KRaft broker, taken by the command side into a running
 * BEHAVIOR_EVENT campaign over the embedded store: matching users enter, the rest and invalid records do not, and
 * invalid records hold up neither their partition nor the commits.
 */
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(CommandSideApplication.PROFILE)
// The context's consumers must stop before the broker does; closing it after the class stops them first.
@DirtiesContext
class BehaviorKafkaIntakeTest {

    private static final String BASE = "/api/v1/workspaces/retail";
    private static final String TOPIC = "behavior-events";
    private static final String DEAD_LETTERS = "behavior-dead-letters";
    private static final String GROUP = "intake-test";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EmbeddedKafkaKraftBroker BROKER = new EmbeddedKafkaKraftBroker(1, 2, TOPIC, DEAD_LETTERS);
    private static final WebhookReceiver RECEIVER = new WebhookReceiver();

    @Autowired
    private TestRestTemplate http;

    @Autowired
    private EventStore events;

    @Autowired
    private MongoTemplate mongo;

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private ConcurrentMessageListenerContainer<byte[], byte[]> behaviorEventContainer;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        // Started here because the context needs its address; stopped as a bean of the context, after the consumers.
        BROKER.afterPropertiesSet();
        registry.add("spring.data.mongodb.uri", () -> EmbeddedStore.uri("behavior-kafka"));
        registry.add("automark.behavior.kafka.enabled", () -> "true");
        registry.add("automark.behavior.kafka.bootstrap-servers", BROKER::getBrokersAsString);
        registry.add("automark.behavior.kafka.topic", () -> TOPIC);
        registry.add("automark.behavior.kafka.group-id", () -> GROUP);
        registry.add("automark.behavior.kafka.concurrency", () -> "2");
        registry.add("automark.behavior.kafka.dead-letter-topic", () -> DEAD_LETTERS);
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    @TestConfiguration
    static class Broker {

        @Bean(destroyMethod = "destroy")
        EmbeddedKafkaKraftBroker behaviorBroker() {
            return BROKER;
        }
    }

    @Test
    void matchingEventsFromTheTopicLetTheirUsersInAndInvalidRecordsAreSkipped() throws Exception {
        String campaignId = createCampaign();
        http.postForEntity(BASE + "/campaigns/" + campaignId + "/publish", null, Map.class);
        String executionId = awaitArmedExecution(campaignId);
        Instant now = Instant.now();

        try (KafkaProducer<String, String> producer = producer()) {
            // All on partition 0, in this order: the records after the invalid ones must still be taken.
            send(producer, 0, event("retail", "u1", "purchase", now, "United Kingdom"));
            send(producer, 0, event("retail", "u2", "purchase", now, "France"));
            send(producer, 0, event("retail", "u3", "view", now, "United Kingdom"));
            send(producer, 0, "{\"workspaceId\": \"retail\", \"userId\": ");
            send(producer, 0, "{\"workspaceId\": \"retail\", \"type\": \"purchase\", \"occurredAt\": \"" + now + "\"}");
            send(producer, 0, null);
            send(producer, 0, event("retail", "u8", "purchase", now, "United Kingdom")
                    .replace("\"workspaceId\"", "\"source\": \"app\", \"workspaceId\""));
            send(producer, 0, event("other", "u4", "purchase", now, "United Kingdom"));
            send(producer, 0, event("retail", "u5", "purchase", now.minusSeconds(3600), "United Kingdom"));
            send(producer, 0, event("retail", "u6", "purchase", now, "United Kingdom"));
            send(producer, 1, event("retail", "u7", "purchase", now, "United Kingdom"));
        }

        await(() -> passed(executionId).size() >= 3, "three entries");
        assertThat(passed(executionId)).containsExactlyInAnyOrder("u1", "u6", "u7");
        await(() -> RECEIVER.requests(executionId) >= 3, "three webhook calls");

        // Taken again, as after a redelivery: the re-entry rule (once per run) keeps u1 out.
        try (KafkaProducer<String, String> producer = producer()) {
            send(producer, 0, event("retail", "u1", "purchase", Instant.now(), "United Kingdom"));
        }
        await(() -> outcomes(executionId).containsKey(UserResult.NOT_PASSED), "the repeated entry");
        assertThat(outcomes(executionId).get(UserResult.NOT_PASSED)).containsExactly("u1");
        assertThat(passed(executionId)).containsExactlyInAnyOrder("u1", "u6", "u7");
        Thread.sleep(500);
        assertThat(RECEIVER.requests(executionId)).isEqualTo(3);

        List<ConsumerRecord<String, String>> deadLetters = deadLetters(4);
        assertThat(deadLetters).extracting(record -> header(record, "kafka_dlt-original-offset"))
                .containsExactly("3", "4", "5", "6");
        assertThat(header(deadLetters.get(1), "kafka_dlt-exception-message")).contains("userId");
        assertThat(deadLetters.get(2).value()).isNull();
        assertThat(header(deadLetters.get(3), "kafka_dlt-exception-message")).contains("source");
        assertThat(deadLetters.get(0).value()).startsWith("{\"workspaceId\": \"retail\"");

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                BROKER.getBrokersAsString()))) {
            await(() -> committed(admin).equals(Map.of(0, 11L, 1, 1L)), "offsets committed past every record");
            // Two consumers of one group, one partition each, as two instances would share them.
            await(() -> spread(describe(admin)), "one partition for each consumer of the group");

            assertThat(meters.getMeters()).anyMatch(meter -> meter.getId().getName().startsWith("kafka.consumer."));

            behaviorEventContainer.stop();

            assertThat(behaviorEventContainer.isRunning()).isFalse();
            await(() -> describe(admin).state() == ConsumerGroupState.EMPTY, "the consumers to leave the group");
            assertThat(committed(admin)).isEqualTo(Map.of(0, 11L, 1, 1L));
        }
    }

    private String createCampaign() {
        Map<String, Object> body = Map.of("name", "UK shoppers from Kafka", "flow", Map.of(
                "components", List.of(
                        Map.of("id", "purchase", "type", "BEHAVIOR_EVENT", "config", Map.of("eventType", "purchase",
                                "reentry", "ONCE", "conditions", List.of(Map.of("attribute", "country",
                                        "operator", "EQ", "value", "United Kingdom")))),
                        Map.of("id", "thanks", "type", "WEBHOOK", "config", Map.of("url", RECEIVER.url()))),
                "edges", List.of(Map.of("from", "purchase", "to", "thanks"))));
        return (String) http.postForEntity(BASE + "/campaigns", body, Map.class).getBody().get("id");
    }

    /** Waits until the campaign's execution started and its entry trigger takes events. */
    private String awaitArmedExecution(String campaignId) throws InterruptedException {
        String[] executionId = new String[1];
        await(() -> {
            executionId[0] = events.openStream(null).asStream()
                    .map(EventMessage::getPayload)
                    .filter(ExecutionStarted.class::isInstance)
                    .map(ExecutionStarted.class::cast)
                    .filter(event -> event.campaignId().equals(campaignId))
                    .map(ExecutionStarted::executionId)
                    .findFirst().orElse(null);
            return executionId[0] != null && mongo.getCollection("behavior_triggers")
                    .countDocuments(Filters.eq("_id", executionId[0])) == 1;
        }, "the execution to take events");
        return executionId[0];
    }

    private static String event(String workspaceId, String userId, String type, Instant at, String country)
            throws Exception {
        return JSON.writeValueAsString(Map.of("workspaceId", workspaceId, "userId", userId, "type", type,
                "occurredAt", at.toString(), "properties", Map.of("country", country, "amount", 12.5)));
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER.getBrokersAsString()),
                new StringSerializer(), new StringSerializer());
    }

    private static void send(KafkaProducer<String, String> producer, int partition, String value) throws Exception {
        producer.send(new ProducerRecord<>(TOPIC, partition, "key", value)).get();
    }

    private Set<String> passed(String executionId) {
        return outcomes(executionId).getOrDefault(UserResult.PASSED, Set.of());
    }

    private Map<UserResult, Set<String>> outcomes(String executionId) {
        return events.readEvents(executionId).asStream()
                .map(EventMessage::getPayload)
                .filter(ExecutionBatchRecorded.class::isInstance)
                .map(ExecutionBatchRecorded.class::cast)
                .flatMap(batch -> batch.components().stream())
                .filter(outcomes -> outcomes.componentId().equals("purchase"))
                .map(ComponentOutcomes::outcomes)
                .flatMap(List::stream)
                .collect(Collectors.groupingBy(UserOutcome::result, Collectors.mapping(UserOutcome::userId,
                        Collectors.toSet())));
    }

    private static List<ConsumerRecord<String, String>> deadLetters(int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-reader",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(DEAD_LETTERS));
            Instant deadline = Instant.now().plusSeconds(30);
            while (records.size() < expected && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        records.sort((left, right) -> header(left, "kafka_dlt-original-offset")
                .compareTo(header(right, "kafka_dlt-original-offset")));
        return records;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        byte[] value = record.headers().lastHeader(name).value();
        // Spring Kafka writes the original partition and offset as binary numbers, the rest as text.
        if (name.equals("kafka_dlt-original-offset")) {
            return String.valueOf(ByteBuffer.wrap(value).getLong());
        }
        return new String(value, StandardCharsets.UTF_8);
    }

    private static Map<Integer, Long> committed(Admin admin) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(GROUP)
                .partitionsToOffsetAndMetadata().get();
        Map<Integer, Long> byPartition = new HashMap<>();
        offsets.forEach((partition, offset) -> {
            if (partition.topic().equals(TOPIC) && offset != null) {
                byPartition.put(partition.partition(), offset.offset());
            }
        });
        return byPartition;
    }

    private static boolean spread(ConsumerGroupDescription group) {
        return group.state() == ConsumerGroupState.STABLE && group.members().size() == 2
                && group.members().stream().allMatch(member -> member.assignment().topicPartitions().size() == 1);
    }

    private static ConsumerGroupDescription describe(Admin admin) throws Exception {
        return admin.describeConsumerGroups(List.of(GROUP)).describedGroups().get(GROUP).get();
    }

    private static void await(CheckedCondition condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            try {
                if (condition.holds()) {
                    return;
                }
            } catch (Exception e) {
                // Not there yet (an admin call before the group exists); ask again.
            }
            Thread.sleep(200);
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    @FunctionalInterface
    private interface CheckedCondition {
        boolean holds() throws Exception;
    }
}
