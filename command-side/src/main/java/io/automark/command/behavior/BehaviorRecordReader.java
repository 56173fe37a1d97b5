package io.automark.command.behavior;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the value of a record on the behaviour-event topic with the service's JSON settings (unknown fields and
 * wrong types refused, as over HTTP) and checks it against the HTTP intake's rules, its time included.
 */
public class BehaviorRecordReader {

    /** Enough of a parser's message to find the fault, not so much that a log line carries the whole record. */
    private static final int MAX_REASON = 300;

    private final ObjectMapper json;
    private final Validator validator;
    private final OccurredAtRule occurredAt;

    public BehaviorRecordReader(ObjectMapper json, Validator validator, OccurredAtRule occurredAt) {
        this.json = json;
        this.validator = validator;
        this.occurredAt = occurredAt;
    }

    /** Answers the event of the record, or throws {@link InvalidBehaviorRecord} saying what is wrong with it. */
    public BehaviorRecord read(ConsumerRecord<?, byte[]> record) {
        if (record.value() == null || record.value().length == 0) {
            throw new InvalidBehaviorRecord("no value");
        }
        BehaviorRecord event;
        try {
            event = json.readValue(record.value(), BehaviorRecord.class);
        } catch (JsonProcessingException e) {
            throw new InvalidBehaviorRecord("not a behaviour event: " + shortened(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new InvalidBehaviorRecord("unreadable value: " + shortened(e.getMessage()));
        }
        if (event == null) {
            throw new InvalidBehaviorRecord("no value");
        }
        Set<ConstraintViolation<BehaviorRecord>> violations = validator.validate(event);
        if (!violations.isEmpty()) {
            throw new InvalidBehaviorRecord(violations.stream()
                    .map(violation -> violation.getPropertyPath() + " " + violation.getMessage())
                    .sorted()
                    .collect(Collectors.joining("; ")));
        }
        String late = occurredAt.problemOf(event.occurredAt());
        if (late != null) {
            throw new InvalidBehaviorRecord("occurredAt " + late);
        }
        return event;
    }

    private static String shortened(String message) {
        String text = String.valueOf(message);
        return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON) + "…";
    }
}
