package io.automark.command.channel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.automark.command.audience.AudienceMember;
import io.automark.events.campaign.ComponentType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.automark.command.channel.Batches.keyOf;
import static io.automark.command.channel.Batches.users;
import static org.assertj.core.api.Assertions.assertThat;

/** The KAFKA channel against an embedded broker: records read back by a consumer. */
class KafkaChannelTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EmbeddedKafkaKraftBroker BROKER = new EmbeddedKafkaKraftBroker(1, 2, "sends", "other");

    @BeforeAll
    static void startBroker() {
        BROKER.afterPropertiesSet();
    }

    @AfterAll
    static void stopBroker() {
        BROKER.destroy();
    }

    private static KafkaChannel channel(String bootstrapServers, Duration maxBlock) {
        return new KafkaChannel(new KafkaChannelProperties(bootstrapServers, new KafkaChannelProperties.Producer(
                Duration.ofSeconds(20), maxBlock, Duration.ofMillis(5), Map.of())), JSON, Clock.systemUTC());
    }

    @Test
    void publishesOneRecordPerUserKeyedByUserIdWithItsIdempotencyKey() throws Exception {
        List<AudienceMember> users = users(300);

        List<SendResult> results;
        try (KafkaChannel channel = channel(BROKER.getBrokersAsString(), Duration.ofSeconds(10))) {
            results = channel.send(Batches.of(ComponentType.KAFKA, Map.of("topic", "sends"), users));
        }

        assertThat(results).hasSize(300).allMatch(SendResult::succeeded);
        List<ConsumerRecord<String, byte[]>> records = consume("sends", 300);
        assertThat(records).hasSize(300);
        assertThat(records).extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrderElementsOf(users.stream().map(AudienceMember::userId).toList());
        for (ConsumerRecord<String, byte[]> record : records) {
            Header key = record.headers().lastHeader("Idempotency-Key");
            assertThat(new String(key.value(), StandardCharsets.UTF_8)).isEqualTo(keyOf(record.key()));
            JsonNode value = JSON.readTree(record.value());
            assertThat(value.get("userId").asText()).isEqualTo(record.key());
            assertThat(value.get("executionId").asText()).isEqualTo(Batches.EXECUTION);
            assertThat(value.has("phone")).isFalse();
        }
    }

    @Test
    void publishesToTheTopicOfTheComponent() {
        try (KafkaChannel channel = channel(BROKER.getBrokersAsString(), Duration.ofSeconds(10))) {
            channel.send(Batches.of(ComponentType.KAFKA, Map.of("topic", "other"), users(3)));
        }

        assertThat(consume("other", 3)).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("u1", "u2", "u3");
    }

    @Test
    void failsEverySendWithNoKafkaWhenNoneIsConfigured() {
        try (KafkaChannel channel = channel(" ", Duration.ofSeconds(10))) {
            List<SendResult> results = channel.send(Batches.of(ComponentType.KAFKA, Map.of("topic", "sends"),
                    users(3)));

            assertThat(results).containsOnly(SendResult.notSetUp("NO_KAFKA"));
        }
    }

    @Test
    void failsABatchQuicklyWhenTheBrokerIsNotThere() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Instant started = Instant.now();

        List<SendResult> results;
        try (KafkaChannel channel = channel("127.0.0.1:" + closedPort, Duration.ofMillis(500))) {
            results = channel.send(Batches.of(ComponentType.KAFKA, Map.of("topic", "sends"), users(50)));
        }

        assertThat(results).hasSize(50).allMatch(result -> result.transport() && !result.succeeded());
        assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(10));
    }

    private static List<ConsumerRecord<String, byte[]>> consume(String topic, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + topic + "-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plusSeconds(30);
            while (records.size() < expected && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            // Anything more than expected would be a duplicate; give it a moment to show up.
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        }
        return records;
    }
}
