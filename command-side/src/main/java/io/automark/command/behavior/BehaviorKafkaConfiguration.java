package io.automark.command.behavior;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.Validator;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.util.backoff.ExponentialBackOff;

import java.util.HashMap;
import java.util.Map;

/**
 * The Kafka intake of behaviour events, when {@code automark.behavior.kafka.enabled} is true: a listener container
 * in the consumer group of every command-side instance. The container is a lifecycle bean; on shutdown it lets the
 * poll in hand finish, commits it, and leaves the group.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "automark.behavior.kafka", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(BehaviorKafkaProperties.class)
public class BehaviorKafkaConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BehaviorKafkaConfiguration.class);

    @Bean
    public DeadLetterTopic behaviorDeadLetterTopic(BehaviorKafkaProperties settings) {
        return new DeadLetterTopic(settings);
    }

    @Bean
    public ConcurrentMessageListenerContainer<byte[], byte[]> behaviorEventContainer(
            BehaviorKafkaProperties settings, BehaviorIntake intake, ObjectMapper json, Validator validator,
            OccurredAtRule occurredAt, DeadLetterTopic behaviorDeadLetterTopic, ObjectProvider<MeterRegistry> meters) {
        DefaultKafkaConsumerFactory<byte[], byte[]> consumers = new DefaultKafkaConsumerFactory<>(
                consumerConfig(settings), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        meters.ifAvailable(registry -> consumers.addListener(new MicrometerConsumerListener<>(registry)));

        ContainerProperties container = new ContainerProperties(settings.topic());
        container.setGroupId(settings.groupId());
        container.setClientId("automark-behavior-intake");
        // Commit a poll's offsets once the listener returned, i.e. once the intake wrote its entries.
        container.setAckMode(ContainerProperties.AckMode.BATCH);
        container.setMessageListener(new BehaviorTopicListener(new BehaviorRecordReader(json, validator, occurredAt),
                intake, behaviorDeadLetterTopic));

        ConcurrentMessageListenerContainer<byte[], byte[]> listener =
                new ConcurrentMessageListenerContainer<>(consumers, container);
        listener.setConcurrency(settings.concurrency());
        listener.setCommonErrorHandler(retryUntilTaken());
        log.info("Taking behaviour events from Kafka topic [{}] as group [{}]", settings.topic(), settings.groupId());
        return listener;
    }

    /**
     * Invalid records never reach here (the listener skips them), so a failed poll means the store or the
     * dead-letter topic did not answer: take the same poll again, ever less often, rather than lose its events.
     * The consumer keeps polling its paused partitions meanwhile, so it stays in the group.
     */
    private static DefaultErrorHandler retryUntilTaken() {
        ExponentialBackOff backOff = new ExponentialBackOff(1_000, 2.0);
        backOff.setMaxInterval(30_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(backOff);
        // Every failure is worth another try; none may lead to the records being skipped.
        // Known shortcoming: a valid event that made the intake fail every time would hold its partition up.
        handler.setClassifications(Map.of(), true);
        handler.setRetryListeners(new RetryListener() {
            @Override
            public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int attempt) {
                log.warn("Behaviour record {}-{}@{} not taken (attempt {}); trying again", record.topic(),
                        record.partition(), record.offset(), attempt, failure);
            }

            @Override
            public void failedDelivery(ConsumerRecords<?, ?> records, Exception failure, int attempt) {
                log.warn("{} behaviour records of {} not taken (attempt {}); trying again", records.count(),
                        records.partitions(), attempt, failure);
            }
        });
        return handler;
    }

    private static Map<String, Object> consumerConfig(BehaviorKafkaProperties settings) {
        Map<String, Object> config = new HashMap<>();
        // A new group starts at the oldest retained event; events from before an execution started let no one in.
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.properties().forEach((name, value) -> {
            if (ConsumerConfig.configNames().contains(name)) {
                config.put(name, value);
            }
        });
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return config;
    }
}
