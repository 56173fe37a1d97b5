package io.automark.ops.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * How many records a topic holds: the sum of its partitions' end offsets. The channel's producer is idempotent, so
 * every record appended is one send.
 */
final class KafkaRecords implements LongSupplier, AutoCloseable {

    private static final long TIMEOUT_SECONDS = 30;

    private final Admin admin;

    private final String topic;

    KafkaRecords(String bootstrapServers, String topic) {
        QuietLogs.warningsOnly("org.apache.kafka");
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "automark-bench",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS)));
        this.topic = topic;
    }

    /**
     * @throws IllegalStateException when the broker does not answer in time
     */
    @Override
    public long getAsLong() {
        try {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .get(topic);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            description.partitions().forEach(partition -> latest.put(new TopicPartition(topic,
                    partition.partition()), OffsetSpec.latest()));

            Map<TopicPartition, ListOffsetsResultInfo> offsets = admin.listOffsets(latest).all()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return offsets.values().stream().mapToLong(ListOffsetsResultInfo::offset).sum();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the end offsets of topic " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the end offsets of topic " + topic, e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
