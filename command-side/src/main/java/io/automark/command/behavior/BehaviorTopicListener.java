package io.automark.command.behavior;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchMessageListener;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hands the events of one poll to the intake, one call per workspace. Invalid records are logged with their
 * position and skipped (to the dead-letter topic when there is one), so they never hold up their partition.
 * <p>
 * The container commits the poll's offsets only after this returns, that is after the intake wrote the entries to
 * the store; a failure throws, nothing is committed, and the poll is taken again. Events taken twice are harmless:
 * the entry ledger lets a user into an execution again only as the re-entry rule allows.
 */
// Known shortcoming: with a duration as re-entry rule, an event redelivered after that duration lets its user in
// again; the ledger knows when a user entered, not which event let them in.
public class BehaviorTopicListener implements BatchMessageListener<byte[], byte[]> {

    private static final Logger log = LoggerFactory.getLogger(BehaviorTopicListener.class);

    private final BehaviorRecordReader reader;
    private final BehaviorIntake intake;
    private final DeadLetterTopic deadLetters;

    public BehaviorTopicListener(BehaviorRecordReader reader, BehaviorIntake intake, DeadLetterTopic deadLetters) {
        this.reader = reader;
        this.intake = intake;
        this.deadLetters = deadLetters;
    }

    @Override
    public void onMessage(List<ConsumerRecord<byte[], byte[]>> records) {
        Map<String, List<BehaviorEvent>> byWorkspace = new LinkedHashMap<>();
        List<Rejected> rejected = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            try {
                BehaviorRecord event = reader.read(record);
                byWorkspace.computeIfAbsent(event.workspaceId(), workspace -> new ArrayList<>()).add(event.event());
            } catch (InvalidBehaviorRecord e) {
                log.warn("Skipped behaviour record {}-{}@{}: {}", record.topic(), record.partition(),
                        record.offset(), e.getMessage());
                rejected.add(new Rejected(record, e));
            }
        }
        for (Map.Entry<String, List<BehaviorEvent>> ofWorkspace : byWorkspace.entrySet()) {
            int entered = intake.accept(ofWorkspace.getKey(), ofWorkspace.getValue());
            log.debug("Took {} behaviour events of workspace [{}] from Kafka; {} entries queued",
                    ofWorkspace.getValue().size(), ofWorkspace.getKey(), entered);
        }
        // After the intake: should the dead-letter topic fail, the retried poll only queues repeated entries.
        rejected.forEach(each -> deadLetters.publish(each.record(), each.reason()));
    }

    private record Rejected(ConsumerRecord<byte[], byte[]> record, InvalidBehaviorRecord reason) {
    }
}
