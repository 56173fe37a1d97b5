package io.automark.command.behavior;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.Map;

/**
 * Settings of the Kafka intake of behaviour events, under {@code automark.behavior.kafka}.
 *
 * @param enabled          whether the command side takes behaviour events from the topic (default false)
 * @param bootstrapServers the brokers, {@code host:port,…}; required when enabled
 * @param topic            the topic the events come from
 * @param groupId          the consumer group; every command-side instance joins the same one, so the topic's
 *                         partitions spread over the instances
 * @param concurrency      consumers per instance (default 1); more than the topic's partitions stay idle
 * @param deadLetterTopic  where records that are not a valid event go, unchanged, with the reason in the headers;
 *                         blank or absent: they are only logged and skipped
 * @param properties       further client settings ({@code security.protocol}, {@code sasl.jaas.config},
 *                         {@code auto.offset.reset} …), which may hold credentials; they cannot change the group,
 *                         the deserializers or the manual commits; never null
 */
@ConfigurationProperties("automark.behavior.kafka")
public record BehaviorKafkaProperties(boolean enabled,
                                      String bootstrapServers,
                                      @DefaultValue("automark.behavior-events") String topic,
                                      @DefaultValue("automark-behavior-intake") String groupId,
                                      @DefaultValue("1") int concurrency,
                                      String deadLetterTopic,
                                      Map<String, String> properties) {

    public BehaviorKafkaProperties {
        properties = properties == null ? Map.of() : Map.copyOf(properties);
        if (enabled && (bootstrapServers == null || bootstrapServers.isBlank())) {
            throw new IllegalArgumentException("automark.behavior.kafka.bootstrap-servers is required when the "
                    + "Kafka intake is enabled");
        }
        if (enabled && (topic == null || topic.isBlank() || groupId == null || groupId.isBlank())) {
            throw new IllegalArgumentException("automark.behavior.kafka.topic and group-id must not be blank");
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("automark.behavior.kafka.concurrency must be at least 1");
        }
    }

    public boolean deadLettering() {
        return deadLetterTopic != null && !deadLetterTopic.isBlank();
    }

    /** Names the extra settings, never their values. */
    @Override
    public String toString() {
        return "BehaviorKafkaProperties[enabled=" + enabled + ", bootstrapServers=" + bootstrapServers + ", topic="
                + topic + ", groupId=" + groupId + ", concurrency=" + concurrency + ", deadLetterTopic="
                + deadLetterTopic + ", properties=" + properties.keySet() + "]";
    }
}
