package io.automark.command.execution;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.automark.command.CommandSideApplication;
import io.automark.command.audience.AudienceMember;
import io.automark.command.channel.Channel;
import io.automark.command.channel.ChannelExecutor;
import io.automark.command.channel.DeliveryLedger;
import io.automark.command.component.BatchContext;
import io.automark.command.component.ComponentExecutor;
import io.automark.command.component.ComponentExecutors;
import io.automark.command.component.ComponentRun;
import io.automark.command.support.EmbeddedStore;
import io.automark.command.support.RunEnds;
import io.automark.command.waiting.ResumeBatchNumbers;
import io.automark.command.support.WebhookReceiver;
import io.automark.events.campaign.CampaignFinished;
import io.automark.events.campaign.ComponentType;
import io.automark.events.campaign.EndState;
import io.automark.events.campaign.FlowComponent;
import io.automark.events.execution.ComponentOutcomes;
import io.automark.events.execution.ExecutionBatchRecorded;
import io.automark.events.execution.ExecutionFinished;
import io.automark.events.execution.ExecutionStarted;
import io.automark.events.execution.ExecutionStatus;
import io.automark.events.execution.UserOutcome;
import io.automark.events.execution.UserResult;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Runs in which a batch throws, against the embedded store: a component that throws on every attempt of one batch
 * and on the first of another, and an audience chunk that cannot be read. The batch that keeps throwing is given up
 * after three attempts with its users FAILED where it broke, the rest of the audience goes through, and the run ends
 * ABNORMAL_END instead of staying IN_PROGRESS; nothing is sent twice.
 */
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(CommandSideApplication.PROFILE)
@Import(BatchFailureRunTest.BreakingTags.class)
class BatchFailureRunTest {

    private static final String BASE = "/api/v1/workspaces/acme";
    private static final int BATCH = 250;
    private static final int USERS = 4 * BATCH;
    private static final WebhookReceiver RECEIVER = new WebhookReceiver();
    private static final ThrowingTag TAGS = new ThrowingTag();
    private static final ThrowingGrouping GROUPINGS = new ThrowingGrouping();

    @Autowired
    private TestRestTemplate http;

    @Autowired
    private EventStore events;

    @Autowired
    private MongoTemplate mongo;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> EmbeddedStore.uri("batch-failures"));
        registry.add("automark.audience.chunk-size", () -> BATCH);
        registry.add("automark.execution.poll-interval", () -> "100ms");
        registry.add("automark.execution.batch-retry-delay", () -> "100ms");
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    @Test
    void aBatchWhoseComponentKeepsThrowingIsGivenUpThereAndTheRunEndsAbnormallyWithoutSendingTwice()
            throws Exception {
        String audienceId = upload("tagged");
        String campaignId = publish("Tag after the hook", audienceId, List.of(
                Map.of("id", "hook", "type", "WEBHOOK", "config", Map.of("url", RECEIVER.url())),
                Map.of("id", "tag", "type", "TAG", "config", Map.of("tags", List.of("spring")))),
                List.of(Map.of("from", "audience", "to", "hook"), Map.of("from", "hook", "to", "tag")));

        ExecutionFinished finished = RunEnds.ofCampaign(events, campaignId);

        String executionId = finished.executionId();
        assertThat(finished.status()).isEqualTo(ExecutionStatus.ABNORMAL_END);
        assertThat(finished.reason()).isEqualTo("tag: IllegalStateException: tags refused for batch 1");
        assertThat(resultsOf(executionId, "audience")).containsOnly(Map.entry(UserResult.PASSED, (long) USERS));
        assertThat(resultsOf(executionId, "hook")).containsOnly(Map.entry(UserResult.SUCCESS, (long) USERS));
        assertThat(resultsOf(executionId, "tag")).containsOnly(Map.entry(UserResult.PASSED, (long) USERS - BATCH),
                Map.entry(UserResult.FAILED, (long) BATCH));
        assertThat(outcomesOf(executionId, "tag", 1)).extracting(UserOutcome::result, UserOutcome::reason)
                .containsOnly(tuple(UserResult.FAILED, "IllegalStateException: tags refused for batch 1"));
        assertThat(recordedBatches(executionId)).containsExactly(0L, 1L, 2L, 3L);
        assertThat(RECEIVER.requests(executionId)).as("each user posted once over every attempt").isEqualTo(USERS);
        assertThat(TAGS.attempts(executionId, 1)).isEqualTo(3);
        // Batch 2 threw once, then ran; it runs again (and is refused as recorded) while the job resumes at batch 1.
        assertThat(TAGS.attempts(executionId, 2)).isGreaterThanOrEqualTo(2);
        assertThat(failedAttempts(executionId)).containsOnly(Map.entry("1", 3), Map.entry("2", 1));
        assertThat(awaitCampaignFinished(campaignId).endState()).isEqualTo(EndState.ABNORMAL);
    }

    @Test
    void aResumedBatchWhoseComponentKeepsThrowingIsGivenUpThereAndTheRunEndsAbnormally() throws Exception {
        String audienceId = upload("waited");
        String campaignId = publish("Tag after a wait", audienceId, List.of(
                Map.of("id", "pause", "type", "WAIT_UNTIL", "config", Map.of("duration", "PT1S")),
                Map.of("id", "tag", "type", "TAG", "config", Map.of("tags", List.of("waited")))),
                List.of(Map.of("from", "audience", "to", "pause"), Map.of("from", "pause", "to", "tag")));

        ExecutionFinished finished = RunEnds.ofCampaign(events, campaignId);

        String executionId = finished.executionId();
        assertThat(finished.status()).isEqualTo(ExecutionStatus.ABNORMAL_END);
        assertThat(finished.reason()).startsWith("tag: IllegalStateException: tags refused for resumed batch");
        assertThat(resultsOf(executionId, "tag")).containsOnly(Map.entry(UserResult.FAILED, (long) USERS));
        assertThat(TAGS.resumedAttempts(executionId)).as("three attempts of each resume batch")
                .isPositive()
                .satisfies(attempts -> assertThat(attempts % 3).isZero());
    }

    @Test
    void anEntryBatchWhoseComponentKeepsThrowingIsGivenUpThere() throws Exception {
        Map<String, Object> flow = Map.of(
                "components", List.of(
                        Map.of("id", "entry", "type", "BEHAVIOR_EVENT", "config", Map.of("eventType", "refused")),
                        Map.of("id", "split", "type", "RANDOM_GROUPING", "config", Map.of("groups",
                                List.of(Map.of("name", "A", "percent", 100)))),
                        Map.of("id", "hook", "type", "WEBHOOK", "config", Map.of("url", RECEIVER.url()))),
                "edges", List.of(Map.of("from", "entry", "to", "split"),
                        Map.of("from", "split", "to", "hook", "branch", "A")));
        String campaignId = (String) http.postForEntity(BASE + "/campaigns", Map.of("name", "Entry", "flow", flow),
                Map.class).getBody().get("id");
        assertThat(http.postForEntity(BASE + "/campaigns/" + campaignId + "/publish", null, Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<Map> accepted = http.postForEntity(BASE + "/events", List.of(Map.of("userId", "buyer-1",
                "type", "refused", "occurredAt", Instant.now().toString())), Map.class);

        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String executionId = startedExecutionOf(campaignId);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (resultsOf(executionId, "split").isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(resultsOf(executionId, "split")).containsOnly(Map.entry(UserResult.FAILED, 1L));
        assertThat(GROUPINGS.attempts()).isEqualTo(3);
        assertThat(RECEIVER.requests(executionId)).isZero();
    }

    @Test
    void theUsersOfAChunkThatCannotBeReadEndFailedAtTheEntryAndTheRestOfTheAudienceRuns() throws Exception {
        String audienceId = upload("corrupt");
        // A member whose attributes are not an object, as no import writes them.
        Binary packed = mongo.getCollection("audience_chunks").find(Filters.eq("_id", audienceId + ":2")).first()
                .get("packed", Binary.class);
        String damaged = new String(packed.getData(), StandardCharsets.UTF_8)
                .replaceFirst("\"a\":\\{", "\"a\":\"not an object\",\"x\":{");
        mongo.getCollection("audience_chunks").updateOne(Filters.eq("_id", audienceId + ":2"),
                Updates.set("packed", new Binary(damaged.getBytes(StandardCharsets.UTF_8))));
        String campaignId = publish("Corrupt chunk", audienceId, List.of(
                Map.of("id", "hook", "type", "WEBHOOK", "config", Map.of("url", RECEIVER.url()))),
                List.of(Map.of("from", "audience", "to", "hook")));

        ExecutionFinished finished = RunEnds.ofCampaign(events, campaignId);

        String executionId = finished.executionId();
        assertThat(finished.status()).isEqualTo(ExecutionStatus.ABNORMAL_END);
        assertThat(finished.reason()).startsWith("audience: IllegalStateException");
        assertThat(resultsOf(executionId, "audience")).containsOnly(
                Map.entry(UserResult.PASSED, (long) USERS - BATCH), Map.entry(UserResult.FAILED, (long) BATCH));
        assertThat(outcomesOf(executionId, "audience", 2)).extracting(UserOutcome::userId)
                .containsExactlyElementsOf(IntStream.range(2 * BATCH, 3 * BATCH).mapToObj(n -> "corrupt-" + n)
                        .toList());
        assertThat(resultsOf(executionId, "hook")).containsOnly(Map.entry(UserResult.SUCCESS, (long) USERS - BATCH));
        assertThat(RECEIVER.requests(executionId)).isEqualTo(USERS - BATCH);
        assertThat(recordedBatches(executionId)).containsExactly(0L, 1L, 2L, 3L);
        assertThat(failedAttempts(executionId)).containsOnly(Map.entry("2", 3));
    }

    private String upload(String prefix) {
        List<Map<String, Object>> users = IntStream.range(0, USERS)
                .mapToObj(n -> Map.<String, Object>of("userId", prefix + "-" + n,
                        "attributes", Map.of("n", String.valueOf(n))))
                .toList();

        ResponseEntity<Map> created = http.postForEntity(BASE + "/audiences", Map.of("name", prefix, "users", users),
                Map.class);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return (String) created.getBody().get("id");
    }

    private String publish(String name, String audienceId, List<Map<String, Object>> components,
                           List<Map<String, Object>> edges) {
        List<Map<String, Object>> all = new ArrayList<>();
        all.add(Map.of("id", "audience", "type", "TARGET_AUDIENCE", "config", Map.of("audienceId", audienceId)));
        all.addAll(components);
        ResponseEntity<Map> created = http.postForEntity(BASE + "/campaigns", Map.of("name", name, "flow",
                Map.of("components", all, "edges", edges)), Map.class);
        String campaignId = (String) created.getBody().get("id");

        ResponseEntity<Map> published = http.postForEntity(BASE + "/campaigns/" + campaignId + "/publish", null,
                Map.class);

        assertThat(published.getStatusCode()).isEqualTo(HttpStatus.OK);
        return campaignId;
    }

    private CampaignFinished awaitCampaignFinished(String campaignId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            var finished = events.readEvents(campaignId).asStream()
                    .map(EventMessage::getPayload)
                    .filter(CampaignFinished.class::isInstance)
                    .map(CampaignFinished.class::cast)
                    .findFirst();
            if (finished.isPresent()) {
                return finished.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("campaign " + campaignId + " did not finish");
    }

    private String startedExecutionOf(String campaignId) {
        return events.openStream(null).asStream()
                .map(EventMessage::getPayload)
                .filter(ExecutionStarted.class::isInstance)
                .map(ExecutionStarted.class::cast)
                .filter(started -> started.campaignId().equals(campaignId))
                .findFirst()
                .orElseThrow()
                .executionId();
    }

    private List<ExecutionBatchRecorded> batches(String executionId) {
        return events.readEvents(executionId).asStream()
                .map(EventMessage::getPayload)
                .filter(ExecutionBatchRecorded.class::isInstance)
                .map(ExecutionBatchRecorded.class::cast)
                .toList();
    }

    private List<Long> recordedBatches(String executionId) {
        return batches(executionId).stream().map(ExecutionBatchRecorded::batchNumber).sorted().toList();
    }

    private Map<UserResult, Long> resultsOf(String executionId, String componentId) {
        return batches(executionId).stream()
                .flatMap(batch -> batch.components().stream())
                .filter(outcomes -> outcomes.componentId().equals(componentId))
                .flatMap(outcomes -> outcomes.outcomes().stream())
                .collect(Collectors.groupingBy(UserOutcome::result, Collectors.counting()));
    }

    private List<UserOutcome> outcomesOf(String executionId, String componentId, long batchNumber) {
        return batches(executionId).stream()
                .filter(batch -> batch.batchNumber() == batchNumber)
                .flatMap(batch -> batch.components().stream())
                .filter(outcomes -> outcomes.componentId().equals(componentId))
                .map(ComponentOutcomes::outcomes)
                .flatMap(List::stream)
                .toList();
    }

    private Map<String, Object> failedAttempts(String executionId) {
        Document job = mongo.getCollection("execution_jobs").find(Filters.eq("_id", executionId)).first();
        return job.get("failedAttempts", Document.class);
    }

    /** The command side's executors, with {@link #TAGS} running TAG components. */
    @TestConfiguration(proxyBeanMethods = false)
    static class BreakingTags {

        @Bean
        @Primary
        ComponentExecutors breakingTagExecutors(List<ComponentExecutor> executors, List<Channel> channels,
                                                DeliveryLedger ledger, ExecutionStops stops) {
            List<ComponentExecutor> all = new ArrayList<>(executors);
            channels.forEach(channel -> all.add(new ChannelExecutor(channel, ledger, stops)));
            // The last executor of a type runs it.
            all.add(TAGS);
            all.add(GROUPINGS);
            return new ComponentExecutors(all);
        }
    }

    /**
     * Passes everyone, but throws on every attempt of batch 1, on the first attempt of batch 2, and on every attempt
     * of a resumed batch.
     */
    static final class ThrowingTag implements ComponentExecutor {

        private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

        @Override
        public Set<ComponentType> types() {
            return Set.of(ComponentType.TAG);
        }

        @Override
        public ComponentRun execute(BatchContext context, FlowComponent component, List<AudienceMember> users) {
            int attempt = attempts.computeIfAbsent(context.executionId() + ":" + context.batchNumber(),
                    key -> new AtomicInteger()).incrementAndGet();
            if (context.batchNumber() >= ResumeBatchNumbers.FIRST) {
                throw new IllegalStateException("tags refused for resumed batch " + context.batchNumber());
            }
            if (context.batchNumber() == 1 || context.batchNumber() == 2 && attempt == 1) {
                throw new IllegalStateException("tags refused for batch " + context.batchNumber());
            }
            return ComponentRun.of(users.stream()
                    .map(user -> new UserOutcome(user.userId(), UserResult.PASSED, null, null))
                    .toList());
        }

        /** Attempts of every resume batch of the execution, together. */
        int resumedAttempts(String executionId) {
            return attempts.entrySet().stream()
                    .filter(entry -> entry.getKey().startsWith(executionId + ":"))
                    .filter(entry -> Long.parseLong(entry.getKey().substring(executionId.length() + 1))
                            >= ResumeBatchNumbers.FIRST)
                    .mapToInt(entry -> entry.getValue().get())
                    .sum();
        }

        int attempts(String executionId, long batchNumber) {
            AtomicInteger counted = attempts.get(executionId + ":" + batchNumber);
            return counted == null ? 0 : counted.get();
        }
    }

    /** Throws on every attempt: the grouping of a flow that users enter by events. */
    static final class ThrowingGrouping implements ComponentExecutor {

        private final AtomicInteger attempts = new AtomicInteger();

        @Override
        public Set<ComponentType> types() {
            return Set.of(ComponentType.RANDOM_GROUPING);
        }

        @Override
        public ComponentRun execute(BatchContext context, FlowComponent component, List<AudienceMember> users) {
            attempts.incrementAndGet();
            throw new IllegalStateException("grouping refused for entry batch " + context.batchNumber());
        }

        int attempts() {
            return attempts.get();
        }
    }
}
