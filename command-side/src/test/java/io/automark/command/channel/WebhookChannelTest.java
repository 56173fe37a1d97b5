package io.automark.command.channel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.automark.command.audience.AudienceMember;
import io.automark.events.campaign.ComponentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static io.automark.command.channel.Batches.keyOf;
import static io.automark.command.channel.Batches.users;
import static org.assertj.core.api.Assertions.assertThat;

/** The WEBHOOK channel against a real HTTP server: bodies, headers, signatures, retries and time-outs. */
class WebhookChannelTest {

    private static final String SECRET = "s3cret-for-tests";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RecordingServer receiver = new RecordingServer();
    private final WebhookChannel channel = new WebhookChannel(JSON,
            Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC),
            new WebhookProperties(Duration.ofSeconds(5), 8,
                    new RetrySettings(3, Duration.ofMillis(20), 2.0, Duration.ofSeconds(1)),
                    Map.of("partner", SECRET)));

    @AfterEach
    void stop() {
        channel.close();
        receiver.close();
    }

    private Map<String, Object> hook(Object... more) {
        Map<String, Object> config = new HashMap<>(Map.of("url", receiver.url("/hook")));
        for (int i = 0; i < more.length; i += 2) {
            config.put((String) more[i], more[i + 1]);
        }
        return config;
    }

    private List<SendResult> send(Map<String, Object> config, List<AudienceMember> users) {
        return channel.send(Batches.of(ComponentType.WEBHOOK, config, users));
    }

    @Test
    void postsASignedDocumentPerUserWithItsIdempotencyKey() throws Exception {
        List<AudienceMember> users = users(50);

        List<SendResult> results = send(hook("secretRef", "partner"), users);

        assertThat(results).hasSize(50).allMatch(SendResult::succeeded);
        assertThat(receiver.requests()).hasSize(50);
        for (RecordingServer.Request request : receiver.requests()) {
            JsonNode body = JSON.readTree(request.body());
            String userId = body.get("userId").asText();
            assertThat(request.header("Idempotency-Key")).isEqualTo(keyOf(userId));
            assertThat(body.get("idempotencyKey").asText()).isEqualTo(keyOf(userId));
            assertThat(body.get("executionId").asText()).isEqualTo(Batches.EXECUTION);
            assertThat(body.get("componentId").asText()).isEqualTo("send");
            assertThat(body.has("phone")).as("no contact detail leaves by webhook").isFalse();
            assertThat(request.header("Content-Type")).isEqualTo("application/json");
            assertThat(request.header("X-Automark-Signature")).isEqualTo("sha256=" + hmac(request.body()));
        }
        assertThat(receiver.requests()).extracting(request -> request.header("Idempotency-Key"))
                .containsExactlyInAnyOrderElementsOf(users.stream().map(u -> keyOf(u.userId())).toList());
    }

    @Test
    void keepsTheChannelsConcurrencyLimitAcrossBatchesSendingAtOnce() throws Exception {
        receiver.delay(Duration.ofMillis(100));
        ExecutorService batches = Executors.newFixedThreadPool(2);
        try {
            Future<List<SendResult>> first = batches.submit(() -> send(hook(), users(20)));
            Future<List<SendResult>> second = batches.submit(() -> send(hook(), users(20)));

            assertThat(first.get()).allMatch(SendResult::succeeded);
            assertThat(second.get()).allMatch(SendResult::succeeded);
        } finally {
            batches.shutdown();
        }
        assertThat(receiver.requests()).hasSize(40);
        assertThat(receiver.mostAtOnce()).as("max-concurrency of the channel").isLessThanOrEqualTo(8);
    }

    @Test
    void signsNothingWhenTheComponentNamesNoSecret() {
        List<SendResult> results = send(hook(), users(1));

        assertThat(results).allMatch(SendResult::succeeded);
        assertThat(receiver.requests().get(0).header("X-Automark-Signature")).isNull();
    }

    @Test
    void sendsNothingWhenTheNamedSecretIsNotConfigured() {
        List<SendResult> results = send(hook("secretRef", "nobody"), users(3));

        assertThat(results).hasSize(3)
                .allMatch(result -> result.transport() && "UNKNOWN_SECRET_REF".equals(result.reason()));
        assertThat(receiver.requests()).isEmpty();
    }

    @Test
    void retriesAfter503sWithTheSameBodyAndKey() {
        Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        receiver.answer(request -> attempts.computeIfAbsent(request.header("Idempotency-Key"),
                key -> new AtomicInteger()).incrementAndGet() <= 2 ? 503 : 200);

        List<SendResult> results = send(hook("secretRef", "partner"), users(5));

        assertThat(results).allMatch(SendResult::succeeded);
        assertThat(receiver.requests()).hasSize(15);
        for (int n = 1; n <= 5; n++) {
            String key = keyOf("u" + n);
            List<RecordingServer.Request> tries = receiver.requests().stream()
                    .filter(request -> key.equals(request.header("Idempotency-Key")))
                    .toList();
            assertThat(tries).hasSize(3);
            assertThat(tries).extracting(RecordingServer.Request::text).containsOnly(tries.get(0).text());
            assertThat(tries).extracting(request -> request.header("X-Automark-Signature")).doesNotContainNull()
                    .containsOnly(tries.get(0).header("X-Automark-Signature"));
        }
    }

    @Test
    void givesUpAfterTheLastAttemptAsATransportFailure() {
        receiver.answer(503);

        List<SendResult> results = send(hook(), users(2));

        assertThat(results).containsOnly(SendResult.unreachable("HTTP 503"));
        assertThat(receiver.attemptsOf(keyOf("u1"))).isEqualTo(3);
        assertThat(receiver.attemptsOf(keyOf("u2"))).isEqualTo(3);
    }

    @Test
    void neverRetriesA4xx() {
        receiver.answer(400);

        List<SendResult> results = send(hook(), users(2));

        assertThat(results).containsOnly(SendResult.failed("HTTP 400"));
        assertThat(receiver.requests()).hasSize(2);
    }

    @Test
    void failsAUserWhoseRequestTimesOutWithoutRetrying() {
        receiver.delay(Duration.ofMillis(1500));
        long started = System.nanoTime();

        List<SendResult> results = send(hook("timeoutMs", 200), users(2));

        assertThat(results).containsOnly(SendResult.failed("TIMEOUT"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1400));
        assertThat(receiver.requests()).hasSize(2);
    }

    @Test
    void retriesADroppedConnectionUntilThePeerAnswers() throws Exception {
        try (DroppingServer flaky = new DroppingServer(2)) {
            List<SendResult> results = send(Map.of("url", flaky.url()), users(1));

            assertThat(results).containsExactly(SendResult.success());
            assertThat(flaky.connections()).isEqualTo(3);
            assertThat(flaky.answered()).isEqualTo(1);
        }
    }

    @Test
    void failsARefusedConnectionAsATransportFailure() {
        // Port 1 is never handed out as an ephemeral port; a port just freed was, once, bound again by another
        // server before the send, which then succeeded.
        String closedPort = "http://127.0.0.1:1/hook";

        List<SendResult> results = send(Map.of("url", closedPort), users(2));

        assertThat(results).containsOnly(SendResult.unreachable("CONNECTION_REFUSED"));
    }

    @Test
    void sendsNothingToAUrlThatIsNotHttp() {
        List<SendResult> results = send(Map.of("url", "file:///etc/passwd"), users(2));

        assertThat(results).containsOnly(SendResult.notSetUp("INVALID_URL"));
    }

    private static String hmac(byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
