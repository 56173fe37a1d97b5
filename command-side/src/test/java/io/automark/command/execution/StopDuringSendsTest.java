package io.automark.command.execution;

import io.automark.command.CommandSideApplication;
import io.automark.command.support.EmbeddedStore;
import io.automark.command.support.GatedWebhookReceiver;
import io.automark.events.execution.ComponentOutcomes;
import io.automark.events.execution.ExecutionBatchRecorded;
import io.automark.events.execution.ExecutionFinished;
import io.automark.events.execution.ExecutionStatus;
import io.automark.events.execution.UserOutcome;
import io.automark.events.execution.UserResult;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stops runs while a webhook receiver holds the first slice of the sends of every batch in flight (three side by
 * side), and checks that nothing reached the receiver after the stop was answered, that each batch in flight was
 * recorded with its unsent users STOPPED, and that no later batch ran.
 */
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(CommandSideApplication.PROFILE)
class StopDuringSendsTest {

    private static final String BASE = "/api/v1/workspaces/acme";
    private static final int BATCH = 1_000;
    private static final int SLICE = 100;
    private static final int WINDOW = 3;
    /** One batch more than the window, which must never start. */
    private static final int USERS = (WINDOW + 1) * BATCH;

    @Autowired
    private TestRestTemplate http;

    @Autowired
    private EventStore events;

    private GatedWebhookReceiver receiver;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> EmbeddedStore.uri("stop-during-sends"));
        registry.add("automark.audience.chunk-size", () -> BATCH);
        registry.add("automark.execution.batch-window", () -> WINDOW);
        // Every send of every batch's slice in flight at once, so that the receiver holds all of them before the stop.
        registry.add("automark.webhook.max-concurrency", () -> WINDOW * SLICE);
    }

    @BeforeEach
    void startReceiver() {
        receiver = new GatedWebhookReceiver();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void aStoppedExecutionSendsNothingAfterTheStopIsAnswered() throws Exception {
        String campaignId = publishRun();
        String executionId = awaitHeldSlice();

        ResponseEntity<Map> stopped = http.postForEntity(BASE + "/executions/" + executionId + "/stop", null,
                Map.class);
        int arrivedAtAnswer = receiver.arrived();
        receiver.open();

        assertThat(stopped.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertStoppedAfterOneSlice(campaignId, executionId, arrivedAtAnswer);
    }

    @Test
    void aStoppedCampaignSendsNothingForItsRunAfterTheStopIsAnswered() throws Exception {
        String campaignId = publishRun();
        String executionId = awaitHeldSlice();

        ResponseEntity<Map> stopped = http.postForEntity(BASE + "/campaigns/" + campaignId + "/stop", null,
                Map.class);
        int arrivedAtAnswer = receiver.arrived();
        receiver.open();

        assertThat(stopped.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertStoppedAfterOneSlice(campaignId, executionId, arrivedAtAnswer);
    }

    private void assertStoppedAfterOneSlice(String campaignId, String executionId, int arrivedAtAnswer)
            throws InterruptedException {
        assertThat(arrivedAtAnswer).isEqualTo(WINDOW * SLICE);
        ExecutionFinished finished = await(executionId, ExecutionFinished.class, event -> true);
        for (int batch = 0; batch < WINDOW; batch++) {
            long number = batch;
            ExecutionBatchRecorded recorded = await(executionId, ExecutionBatchRecorded.class,
                    event -> event.batchNumber() == number);
            assertThat(resultsOf(recorded, "audience")).containsExactly(Map.entry(UserResult.PASSED, (long) BATCH));
            assertThat(resultsOf(recorded, "hook")).containsOnly(Map.entry(UserResult.SUCCESS, (long) SLICE),
                    Map.entry(UserResult.STOPPED, (long) BATCH - SLICE));
        }
        // Time for a worker that ignored the stop to start its next slice or batch.
        Thread.sleep(1_500);

        assertThat(finished.status()).isEqualTo(ExecutionStatus.STOPPED);
        assertThat(receiver.arrived()).isEqualTo(arrivedAtAnswer);
        assertThat(payloads(executionId).filter(ExecutionBatchRecorded.class::isInstance).count())
                .as("batches recorded; the batch after the window never started")
                .isEqualTo(WINDOW);
        assertThat(receiver.executions()).containsExactly(executionId);
        assertThat(finished.campaignId()).isEqualTo(campaignId);
    }

    private String publishRun() {
        List<Map<String, Object>> users = IntStream.rangeClosed(1, USERS)
                .mapToObj(n -> Map.<String, Object>of("userId", "s" + n, "attributes", Map.of()))
                .toList();
        String audienceId = (String) http.postForEntity(BASE + "/audiences", Map.of("name", "stop", "users", users),
                Map.class).getBody().get("id");
        Map<String, Object> body = Map.of("name", "Stop me", "flow", Map.of(
                "components", List.of(
                        Map.of("id", "audience", "type", "TARGET_AUDIENCE", "config", Map.of("audienceId", audienceId)),
                        Map.of("id", "hook", "type", "WEBHOOK", "config", Map.of("url", receiver.url(),
                                "timeoutMs", 60_000))),
                "edges", List.of(Map.of("from", "audience", "to", "hook"))));
        String campaignId = (String) http.postForEntity(BASE + "/campaigns", body, Map.class).getBody().get("id");

        ResponseEntity<Map> published = http.postForEntity(BASE + "/campaigns/" + campaignId + "/publish", null,
                Map.class);

        assertThat(published.getStatusCode()).isEqualTo(HttpStatus.OK);
        return campaignId;
    }

    /** Waits until the receiver holds the first slice of each batch in flight, and answers their execution. */
    private String awaitHeldSlice() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (receiver.arrived() < WINDOW * SLICE && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        assertThat(receiver.arrived()).isEqualTo(WINDOW * SLICE);
        return receiver.executions().iterator().next();
    }

    private <T> T await(String executionId, Class<T> type, Predicate<T> matching) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            var found = payloads(executionId)
                    .filter(type::isInstance)
                    .map(type::cast)
                    .filter(matching)
                    .findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + type.getSimpleName() + " for " + executionId);
    }

    private Stream<Object> payloads(String executionId) {
        return events.readEvents(executionId).asStream().map(EventMessage::getPayload);
    }

    private static Map<UserResult, Long> resultsOf(ExecutionBatchRecorded batch, String componentId) {
        return batch.components().stream()
                .filter(component -> component.componentId().equals(componentId))
                .map(ComponentOutcomes::outcomes)
                .flatMap(List::stream)
                .collect(Collectors.groupingBy(UserOutcome::result, Collectors.counting()));
    }
}
