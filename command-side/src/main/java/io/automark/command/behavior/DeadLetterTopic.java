package io.automark.command.behavior;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

import java.util.HashMap;
import java.util.Map;

/**
 * Where invalid behaviour records go when {@code automark.behavior.kafka.dead-letter-topic} is set: unchanged, with
 * Spring Kafka's {@code kafka_dlt-*} headers naming their original topic, partition and offset and the reason.
 * Without the setting it keeps nothing; the listener has logged the record already.
 */
public class DeadLetterTopic implements AutoCloseable {

    private final DefaultKafkaProducerFactory<byte[], byte[]> producers;
    private final DeadLetterPublishingRecoverer publisher;

    public DeadLetterTopic(BehaviorKafkaProperties settings) {
        if (!settings.deadLettering()) {
            producers = null;
            publisher = null;
            return;
        }
        producers = new DefaultKafkaProducerFactory<>(producerConfig(settings), new ByteArraySerializer(),
                new ByteArraySerializer());
        // A negative partition lets the producer choose, so the dead-letter topic needs no particular layout.
        publisher = new DeadLetterPublishingRecoverer(new KafkaTemplate<>(producers),
                (record, reason) -> new TopicPartition(settings.deadLetterTopic(), -1));
    }

    /** Publishes the record and waits for the broker's acknowledgement; throws when it does not come. */
    public void publish(ConsumerRecord<byte[], byte[]> record, InvalidBehaviorRecord reason) {
        if (publisher != null) {
            publisher.accept(record, reason);
        }
    }

    @Override
    public void close() {
        if (producers != null) {
            producers.destroy();
        }
    }

    private static Map<String, Object> producerConfig(BehaviorKafkaProperties settings) {
        Map<String, Object> config = new HashMap<>();
        settings.properties().forEach((name, value) -> {
            if (ProducerConfig.configNames().contains(name)) {
                config.put(name, value);
            }
        });
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "automark-behavior-dead-letters");
        // A retried send never doubles a dead letter.
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return config;
    }
}
