package io.automark.command.channel;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.automark.command.audience.AudienceMember;
import io.automark.events.campaign.ComponentType;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Publishes one record per user to the topic of the component's {@code topic}: keyed by user id, the value the
 * same JSON document a webhook gets, with the headers {@code Idempotency-Key} and {@code X-Automark-Execution}.
 * The producer is idempotent with {@code acks=all}, so its own retries never duplicate a record.
 * <p>
 * The producer is made in the background once the service is up (or at the first send, should that come first),
 * so the service starts whether or not Kafka is there. Without {@code automark.kafka.bootstrap-servers} every send
 * fails with {@code NO_KAFKA}; a producer that cannot be made, or a broker that does not answer in time, fails the
 * batch as a transport failure.
 */
@Component
public class KafkaChannel implements Channel, AutoCloseable {

    static final String NO_KAFKA = "NO_KAFKA";
    static final String UNAVAILABLE = "KAFKA_UNAVAILABLE";
    static final String TIMEOUT = "KAFKA_TIMEOUT";
    static final String NO_TOPIC = "NO_TOPIC";
    static final String KEY_HEADER = "Idempotency-Key";

    private static final Logger log = LoggerFactory.getLogger(KafkaChannel.class);
    /** Beyond the producer's own delivery time-out, in case a callback is late. */
    private static final Duration GRACE = Duration.ofSeconds(5);

    private final KafkaChannelProperties properties;
    private final ObjectMapper json;
    private final Clock clock;
    private Producer<String, byte[]> producer;
    private boolean closed;

    public KafkaChannel(KafkaChannelProperties properties, ObjectMapper json, Clock clock) {
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public Set<ComponentType> types() {
        return Set.of(ComponentType.KAFKA);
    }

    @Override
    public List<SendResult> send(SendBatch batch) {
        if (!properties.configured()) {
            log.warn("Kafka is not configured; component [{}] of execution [{}] sends nothing",
                    batch.component().id(), batch.context().executionId());
            return Collections.nCopies(batch.recipients().size(), SendResult.notSetUp(NO_KAFKA));
        }
        Object topic = batch.component().config().get("topic");
        if (!(topic instanceof String name) || name.isBlank()) {
            // The flow validator refuses such a component; this keeps a stored older flow from throwing.
            return Collections.nCopies(batch.recipients().size(), SendResult.notSetUp(NO_TOPIC));
        }
        Producer<String, byte[]> kafka;
        try {
            kafka = producer();
        } catch (KafkaException e) {
            log.warn("No Kafka producer could be made; component [{}] of execution [{}] sends nothing: {}",
                    batch.component().id(), batch.context().executionId(), e.getMessage());
            return Collections.nCopies(batch.recipients().size(), SendResult.unreachable(UNAVAILABLE));
        }

        List<Future<RecordMetadata>> sent = publish(kafka, name, batch);
        return awaitAll(sent);
    }

    /**
     * Makes the producer once the service is up, on a thread of its own: making one took seconds (2.2 s, then 3.8 s
     * until its first answer from the broker, in the channels benchmark), which the first run's sends waited for.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void warmUp() {
        if (!properties.configured()) {
            return;
        }
        Thread warmUp = new Thread(this::makeProducer, "kafka-channel-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (producer != null) {
            producer.close(GRACE);
            producer = null;
        }
    }

    private List<Future<RecordMetadata>> publish(Producer<String, byte[]> kafka, String topic, SendBatch batch) {
        List<Future<RecordMetadata>> sent = new ArrayList<>(batch.recipients().size());
        Future<RecordMetadata> stalled = null;
        for (AudienceMember recipient : batch.recipients()) {
            if (stalled != null) {
                // The topic's metadata did not come in time; each further send would wait as long again.
                sent.add(stalled);
                continue;
            }
            Future<RecordMetadata> future = send(kafka, record(topic, batch, recipient));
            if (future.isDone() && timedOut(future)) {
                stalled = future;
            }
            sent.add(future);
        }
        return sent;
    }

    private static Future<RecordMetadata> send(Producer<String, byte[]> kafka, ProducerRecord<String, byte[]> record) {
        try {
            return kafka.send(record);
        } catch (KafkaException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private ProducerRecord<String, byte[]> record(String topic, SendBatch batch, AudienceMember recipient) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, recipient.userId(),
                SendDocument.of(json, batch, recipient, clock.instant()));
        record.headers()
                .add(KEY_HEADER, batch.idempotencyKey(recipient).getBytes(StandardCharsets.UTF_8))
                .add(EmailChannel.EXECUTION_HEADER, batch.context().executionId().getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private List<SendResult> awaitAll(List<Future<RecordMetadata>> sent) {
        long deadline = System.nanoTime() + properties.producer().deliveryTimeout().plus(GRACE).toNanos();
        List<SendResult> results = new ArrayList<>(sent.size());
        for (Future<RecordMetadata> future : sent) {
            results.add(await(future, deadline));
        }
        return results;
    }

    private static SendResult await(Future<RecordMetadata> future, long deadline) {
        try {
            future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return SendResult.success();
        } catch (ExecutionException e) {
            return resultOf(e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            return SendResult.unreachable(TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendResult.unreachable("INTERRUPTED");
        }
    }

    private static boolean timedOut(Future<RecordMetadata> future) {
        try {
            future.get(0, TimeUnit.NANOSECONDS);
            return false;
        } catch (ExecutionException e) {
            return e.getCause() instanceof TimeoutException;
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            return false;
        }
    }

    private static SendResult resultOf(Throwable cause) {
        if (cause instanceof TimeoutException) {
            return SendResult.unreachable(TIMEOUT);
        }
        String reason = "KAFKA: " + cause.getClass().getSimpleName();
        boolean broker = cause instanceof RetriableException || cause instanceof AuthenticationException
                || cause instanceof AuthorizationException;
        return broker ? SendResult.unreachable(reason) : SendResult.failed(reason);
    }

    private void makeProducer() {
        try {
            producer();
        } catch (KafkaException e) {
            log.warn("No Kafka producer could be made yet; the first send tries again: {}", e.getMessage());
        }
    }

    private synchronized Producer<String, byte[]> producer() {
        if (closed) {
            // A warm-up that comes late must not leave a producer behind the service's shutdown.
            throw new KafkaException("the Kafka channel is closed");
        }
        if (producer == null) {
            producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new ByteArraySerializer());
            log.info("Kafka producer started for {}", properties.bootstrapServers());
        }
        return producer;
    }

    private Map<String, Object> producerConfig() {
        KafkaChannelProperties.Producer settings = properties.producer();
        long deliveryMs = settings.deliveryTimeout().toMillis();
        long lingerMs = settings.linger().toMillis();
        Map<String, Object> config = new HashMap<>(settings.properties());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "automark-channel");
        // What makes the producer's own retries harmless: the broker drops a record it already appended.
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) deliveryMs);
        // Kafka refuses a delivery time-out shorter than linger plus request time-out.
        long requestMs = Math.max(1, Math.min(30_000, deliveryMs - lingerMs));
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) requestMs);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, settings.maxBlock().toMillis());
        return config;
    }
}
