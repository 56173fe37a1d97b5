package io.automark.command.waiting;

import io.automark.command.CommandSideApplication;
import io.automark.command.audience.AudienceStore;
import io.automark.command.component.GenerateAudienceExecutor;
import io.automark.command.support.EmbeddedStore;
import io.automark.command.support.WebhookReceiver;
import io.automark.events.audience.AudienceImported;
import io.automark.events.execution.ComponentOutcomes;
import io.automark.events.execution.ExecutionBatchRecorded;
import io.automark.events.execution.ExecutionFinished;
import io.automark.events.execution.ExecutionStarted;
import io.automark.events.execution.ExecutionStatus;
import io.automark.events.execution.UserOutcome;
import io.automark.events.execution.UserResult;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
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
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs flows with WAIT_UNTIL and a windowed RESULT_JUDGMENT against the embedded store and a real HTTP receiver:
 * users wait in the store, go on when their time or event comes, and each is sent to once.
 */
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(CommandSideApplication.PROFILE)
class WaitRunTest {

    private static final String BASE = "/api/v1/workspaces/shop";
    private static final WebhookReceiver RECEIVER = new WebhookReceiver();

    @Autowired
    private TestRestTemplate http;

    @Autowired
    private EventStore events;

    @Autowired
    private WaitingUsers waits;

    @Autowired
    private AudienceStore audiences;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> EmbeddedStore.uri("wait-run"));
        registry.add("automark.audience.chunk-size", () -> 400);
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    @Test
    void usersWaitForTheDurationInTheStoreThenGoOnAndTheRunEndsAfterTheLastOfThem() throws Exception {
        String audienceId = audience(1_000);
        String campaignId = create(Map.of(
                "components", List.of(
                        component("audience", "TARGET_AUDIENCE", Map.of("audienceId", audienceId)),
                        component("pause", "WAIT_UNTIL", Map.of("duration", "PT3S")),
                        component("hook", "WEBHOOK", Map.of("url", RECEIVER.url()))),
                "edges", List.of(edge("audience", "pause", null), edge("pause", "hook", null))));

        publish(campaignId);
        String executionId = awaitStarted(campaignId);
        awaitOutcomes(executionId, "pause", outcomes -> count(outcomes, UserResult.WAITING) == 1_000);

        assertThat(waits.waiting(executionId)).isEqualTo(1_000);
        assertThat(RECEIVER.requests(executionId)).isZero();
        assertThat(finished(executionId)).isEmpty();
        ExecutionFinished finished = awaitFinished(executionId);
        assertThat(finished.status()).isEqualTo(ExecutionStatus.COMPLETED);
        List<ComponentOutcomes> pause = outcomesOf(executionId, "pause");
        assertThat(pause.stream().filter(ComponentOutcomes::resumed).mapToLong(ComponentOutcomes::size).sum())
                .isEqualTo(1_000);
        assertThat(count(pause, UserResult.PASSED)).isEqualTo(1_000);
        assertThat(count(outcomesOf(executionId, "hook"), UserResult.SUCCESS)).isEqualTo(1_000);
        assertThat(RECEIVER.requests(executionId)).isEqualTo(1_000);
        assertThat(waits.waiting(executionId)).isZero();
    }

    @Test
    void anEventWithTheSameOrderIdEndsTheWaitAndTheOthersTimeOut() throws Exception {
        String campaignId = create(Map.of(
                "components", List.of(
                        component("placed", "BEHAVIOR_EVENT", Map.of("eventType", "order_placed")),
                        component("paid", "WAIT_UNTIL", Map.of("event", Map.of("eventType", "order_paid",
                                "key", "orderId"), "timeout", "PT4S")),
                        component("thanks", "WEBHOOK", Map.of("url", RECEIVER.url())),
                        component("remind", "WEBHOOK", Map.of("url", RECEIVER.url()))),
                "edges", List.of(edge("placed", "paid", null), edge("paid", "thanks", "matched"),
                        edge("paid", "remind", "timeout"))));
        publish(campaignId);
        String executionId = awaitStarted(campaignId);

        Instant now = Instant.now();
        post(List.of(event("u1", "order_placed", now, "A-1"), event("u2", "order_placed", now, "A-2"),
                event("u3", "order_placed", now, "A-3")));
        awaitOutcomes(executionId, "paid", outcomes -> count(outcomes, UserResult.WAITING) == 3);
        post(List.of(event("u1", "order_paid", Instant.now(), "A-1"), event("u2", "order_paid", Instant.now(),
                "A-999"), event("u3", "order_paid", now.minusSeconds(60), "A-3")));

        awaitOutcomes(executionId, "paid", outcomes -> outcomes.stream().filter(ComponentOutcomes::resumed)
                .mapToLong(ComponentOutcomes::size).sum() == 3);
        awaitOutcomes(executionId, "remind", outcomes -> count(outcomes, UserResult.SUCCESS) == 2);
        List<UserOutcome> left = outcomesOf(executionId, "paid").stream().filter(ComponentOutcomes::resumed)
                .flatMap(outcomes -> outcomes.outcomes().stream()).toList();
        assertThat(left).extracting(UserOutcome::userId, UserOutcome::branch).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("u1", "matched"),
                org.assertj.core.groups.Tuple.tuple("u2", "timeout"),
                org.assertj.core.groups.Tuple.tuple("u3", "timeout"));
        assertThat(count(outcomesOf(executionId, "thanks"), UserResult.SUCCESS)).isEqualTo(1);
        assertThat(RECEIVER.requests(executionId)).isEqualTo(3);
    }

    @Test
    void aResultJudgmentWithAWindowWaitsForReceiptsAndCountsTheWaitingUsers() throws Exception {
        String audienceId = audience(10);
        String campaignId = create(Map.of(
                "components", List.of(
                        component("audience", "TARGET_AUDIENCE", Map.of("audienceId", audienceId)),
                        component("hook", "WEBHOOK", Map.of("url", RECEIVER.url())),
                        component("opened", "RESULT_JUDGMENT", Map.of("componentId", "hook",
                                "results", List.of("OPENED"), "window", "PT4S")),
                        component("again", "WEBHOOK", Map.of("url", RECEIVER.url()))),
                "edges", List.of(edge("audience", "hook", null), edge("hook", "opened", null),
                        edge("opened", "again", "no"))));
        publish(campaignId);
        String executionId = awaitStarted(campaignId);
        awaitOutcomes(executionId, "opened", outcomes -> count(outcomes, UserResult.WAITING) == 10);

        post(IntStream.rangeClosed(1, 4).mapToObj(n -> receipt("w" + n, executionId + ":hook:w" + n, "OPENED"))
                .toList());
        post(List.of(receipt("w5", executionId + ":hook:w5", "DELIVERED")));

        assertThat(awaitFinished(executionId).status()).isEqualTo(ExecutionStatus.COMPLETED);
        List<ComponentOutcomes> opened = outcomesOf(executionId, "opened");
        assertThat(count(opened, UserResult.PASSED)).isEqualTo(4);
        assertThat(count(opened, UserResult.NOT_PASSED)).isEqualTo(6);
        assertThat(count(outcomesOf(executionId, "again"), UserResult.SUCCESS)).isEqualTo(6);
        assertThat(RECEIVER.requests(executionId)).isEqualTo(16);
    }

    @Test
    void usersWhoWaitedAreTaggedInTheirAudienceAndSavedInTheGeneratedOne() throws Exception {
        String audienceId = audience(450);
        String campaignId = create(Map.of(
                "components", List.of(
                        component("audience", "TARGET_AUDIENCE", Map.of("audienceId", audienceId)),
                        component("pause", "WAIT_UNTIL", Map.of("duration", "PT2S")),
                        component("tag", "TAG", Map.of("tags", List.of("waited"))),
                        component("keep", "GENERATE_AUDIENCE", Map.of("name", "Waited"))),
                "edges", List.of(edge("audience", "pause", null), edge("pause", "tag", null),
                        edge("tag", "keep", null))));
        publish(campaignId);
        String executionId = awaitStarted(campaignId);

        assertThat(awaitFinished(executionId).status()).isEqualTo(ExecutionStatus.COMPLETED);
        assertThat(count(outcomesOf(executionId, "tag"), UserResult.PASSED)).isEqualTo(450);
        assertThat(audiences.chunk(audienceId, 0)).allMatch(user -> user.tags().contains("waited"));
        assertThat(audiences.chunk(audienceId, 1)).hasSize(50).allMatch(user -> user.tags().contains("waited"));
        String generatedId = GenerateAudienceExecutor.audienceIdOf(executionId, "keep");
        AudienceImported generated = (AudienceImported) events.readEvents(generatedId).next().getPayload();
        assertThat(generated.size()).isEqualTo(450);
    }

    @Test
    void stoppingTheRunEndsItsWaitingUsersAsStoppedAndSendsThemNothing() throws Exception {
        String audienceId = audience(20);
        String campaignId = create(Map.of(
                "components", List.of(
                        component("audience", "TARGET_AUDIENCE", Map.of("audienceId", audienceId)),
                        component("pause", "WAIT_UNTIL", Map.of("duration", "PT1H")),
                        component("hook", "WEBHOOK", Map.of("url", RECEIVER.url()))),
                "edges", List.of(edge("audience", "pause", null), edge("pause", "hook", null))));
        publish(campaignId);
        String executionId = awaitStarted(campaignId);
        awaitOutcomes(executionId, "pause", outcomes -> count(outcomes, UserResult.WAITING) == 20);

        assertThat(http.postForEntity(BASE + "/executions/" + executionId + "/stop", null, Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);

        awaitOutcomes(executionId, "pause", outcomes -> count(outcomes, UserResult.STOPPED) == 20);
        assertThat(awaitFinished(executionId).status()).isEqualTo(ExecutionStatus.STOPPED);
        assertThat(outcomesOf(executionId, "hook")).isEmpty();
        assertThat(RECEIVER.requests(executionId)).isZero();
        assertThat(waits.waiting(executionId)).isZero();
    }

    private static Map<String, Object> receipt(String userId, String key, String result) {
        return Map.of("userId", userId, "type", "message_receipt", "occurredAt", Instant.now().toString(),
                "properties", Map.of("idempotencyKey", key, "result", result));
    }

    private static Map<String, Object> event(String userId, String type, Instant at, String orderId) {
        return Map.of("userId", userId, "type", type, "occurredAt", at.toString(),
                "properties", Map.of("orderId", orderId));
    }

    private void post(List<Map<String, Object>> body) {
        assertThat(http.postForEntity(BASE + "/events", body, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
    }

    private String audience(int size) {
        List<Map<String, Object>> users = IntStream.rangeClosed(1, size)
                .mapToObj(n -> Map.<String, Object>of("userId", "w" + n, "attributes", Map.of()))
                .toList();
        ResponseEntity<Map> created = http.postForEntity(BASE + "/audiences", Map.of("name", "waiters",
                "users", users), Map.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return (String) created.getBody().get("id");
    }

    private String create(Map<String, Object> flow) {
        ResponseEntity<Map> created = http.postForEntity(BASE + "/campaigns", Map.of("name", "Waits", "flow", flow),
                Map.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return (String) created.getBody().get("id");
    }

    private void publish(String campaignId) {
        assertThat(http.postForEntity(BASE + "/campaigns/" + campaignId + "/publish", null, Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private static Map<String, Object> component(String id, String type, Map<String, Object> config) {
        return Map.of("id", id, "type", type, "config", config);
    }

    private static Map<String, Object> edge(String from, String to, String branch) {
        return branch == null ? Map.of("from", from, "to", to) : Map.of("from", from, "to", to, "branch", branch);
    }

    private String awaitStarted(String campaignId) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            Optional<String> started = events.openStream(null).asStream()
                    .map(EventMessage::getPayload)
                    .filter(ExecutionStarted.class::isInstance)
                    .map(ExecutionStarted.class::cast)
                    .filter(event -> event.campaignId().equals(campaignId))
                    .map(ExecutionStarted::executionId)
                    .findFirst();
            if (started.isPresent()) {
                return started.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("campaign " + campaignId + " did not start");
    }

    private Optional<ExecutionFinished> finished(String executionId) {
        return events.readEvents(executionId).asStream()
                .map(EventMessage::getPayload)
                .filter(ExecutionFinished.class::isInstance)
                .map(ExecutionFinished.class::cast)
                .findFirst();
    }

    private ExecutionFinished awaitFinished(String executionId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            Optional<ExecutionFinished> finished = finished(executionId);
            if (finished.isPresent()) {
                return finished.get();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("execution " + executionId + " did not finish");
    }

    private void awaitOutcomes(String executionId, String componentId, Predicate<List<ComponentOutcomes>> done)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (done.test(outcomesOf(executionId, componentId))) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("component " + componentId + " of " + executionId + " did not get there");
    }

    private List<ComponentOutcomes> outcomesOf(String executionId, String componentId) {
        return events.readEvents(executionId).asStream()
                .map(EventMessage::getPayload)
                .filter(ExecutionBatchRecorded.class::isInstance)
                .map(ExecutionBatchRecorded.class::cast)
                .flatMap(batch -> batch.components().stream())
                .filter(outcomes -> outcomes.componentId().equals(componentId))
                .toList();
    }

    private static long count(List<ComponentOutcomes> outcomes, UserResult result) {
        return outcomes.stream().flatMap(o -> o.outcomes().stream()).filter(u -> u.result() == result).count();
    }
}
