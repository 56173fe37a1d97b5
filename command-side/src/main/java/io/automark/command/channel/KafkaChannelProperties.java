package io.automark.command.channel;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Map;

/**
 * Settings of the KAFKA channel, under {@code automark.kafka}.
 *
 * @param bootstrapServers the brokers, {@code host:port,…}; blank or absent leaves Kafka off, and KAFKA sends fail
 *                         with {@code NO_KAFKA}
 * @param producer         the producer's own settings
 */
@ConfigurationProperties("automark.kafka")
public record KafkaChannelProperties(String bootstrapServers, @DefaultValue Producer producer) {

    public boolean configured() {
        return bootstrapServers != null && !bootstrapServers.isBlank();
    }

    /**
     * @param deliveryTimeout how long a record may take to be acknowledged by all in-sync replicas, retries
     *                        included (default 30s)
     * @param maxBlock        how long a send may wait for the topic's metadata or buffer space (default 10s)
     * @param linger          how long records wait to fill a batch (default 5ms)
     * @param properties      further producer settings ({@code security.protocol}, {@code sasl.jaas.config} …), which
     *                        may hold credentials; they cannot turn idempotence or {@code acks=all} off; never null
     */
    public record Producer(@DefaultValue("30s") Duration deliveryTimeout,
                           @DefaultValue("10s") Duration maxBlock,
                           @DefaultValue("5ms") Duration linger,
                           Map<String, String> properties) {

        public Producer {
            properties = properties == null ? Map.of() : Map.copyOf(properties);
        }

        /** Names the extra settings, never their values. */
        @Override
        public String toString() {
            return "Producer[deliveryTimeout=" + deliveryTimeout + ", maxBlock=" + maxBlock + ", linger=" + linger
                    + ", properties=" + properties.keySet() + "]";
        }
    }
}
