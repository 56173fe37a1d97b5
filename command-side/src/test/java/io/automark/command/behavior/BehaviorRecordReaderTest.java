package io.automark.command.behavior;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Kafka intake reads an event's time under the rules of the HTTP intake. */
class BehaviorRecordReaderTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();

    private final ValidatorFactory validation = Validation.buildDefaultValidatorFactory();
    private final BehaviorRecordReader reader = new BehaviorRecordReader(JSON, validation.getValidator(),
            new OccurredAtRule(Clock.fixed(NOW, ZoneOffset.UTC), new BehaviorProperties(Duration.ofMinutes(1))));

    @AfterEach
    void closeValidation() {
        validation.close();
    }

    private static ConsumerRecord<byte[], byte[]> record(String occurredAt) {
        String value = "{\"workspaceId\": \"acme\", \"userId\": \"u1\", \"type\": \"visit\", \"occurredAt\": "
                + occurredAt + "}";
        return new ConsumerRecord<>("behavior", 0, 7L, null, value.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void refusesANumberAsTheTimeOfAnEvent() {
        ConsumerRecord<byte[], byte[]> inMillis = record(String.valueOf(NOW.toEpochMilli()));

        assertThatThrownBy(() -> reader.read(inMillis))
                .isInstanceOf(InvalidBehaviorRecord.class)
                .hasMessageContaining("Instant");
    }

    @Test
    void refusesAnEventFurtherAheadThanTheClockSkewAndReadsOneWithinIt() {
        ConsumerRecord<byte[], byte[]> tooEarly = record("\"" + NOW.plusSeconds(61) + "\"");
        ConsumerRecord<byte[], byte[]> withinSkew = record("\"" + NOW.plusSeconds(60) + "\"");

        BehaviorRecord read = reader.read(withinSkew);

        assertThatThrownBy(() -> reader.read(tooEarly))
                .isInstanceOf(InvalidBehaviorRecord.class)
                .hasMessageContaining("occurredAt lies in the future");
        assertThat(read.occurredAt()).isEqualTo(NOW.plusSeconds(60));
    }
}
