package io.automark.command.abtest;

import io.automark.command.CommandSideApplication;
import io.automark.command.support.EmbeddedStore;
import io.automark.events.execution.AbTestDecided;
import io.automark.events.execution.AbTestGoalsAchieved;
import io.automark.events.execution.AbTestGoalsAchieved.GoalAchievement;
import io.automark.events.execution.ExecutionBatchRecorded;
import io.automark.events.execution.ExecutionFinished;
import io.automark.events.execution.ExecutionStarted;
import io.automark.events.execution.UserOutcome;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs an AB test over HTTP against the embedded store: purchases by the test's users within its window count as
 * goals once per user, others do not, and the winning group is set when the window closes.
 */
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(CommandSideApplication.PROFILE)
class AbTestRunTest {

    private static final String BASE = "/api/v1/workspaces/abshop";
    private static final double WINDOW_HOURS = 6.0 / 3600;

    @Autowired
    private TestRestTemplate http;

    @Autowired
    private EventStore events;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> EmbeddedStore.uri("ab-run"));
    }

    @Test
    void countsGoalsPerGroupWithinTheWindowAndSetsTheWinnerWhenItCloses() throws Exception {
        Instant before = Instant.now().minusSeconds(60);
        String executionId = publishAbTest(200);
        Map<String, String> groupOf = awaitGroups(executionId, 200);
        List<String> inA = groupOf.keySet().stream().filter(user -> groupOf.get(user).equals("A")).sorted().toList();
        List<String> inB = groupOf.keySet().stream().filter(user -> groupOf.get(user).equals("B")).sorted().toList();

        List<Map<String, Object>> purchases = new ArrayList<>();
        inA.subList(0, 10).forEach(user -> purchases.add(purchase(user, Instant.now())));
        inB.subList(0, 30).forEach(user -> purchases.add(purchase(user, Instant.now())));
        inB.subList(0, 5).forEach(user -> purchases.add(purchase(user, Instant.now())));
        purchases.add(purchase(inA.get(50), before));
        purchases.add(Map.of("userId", inA.get(51), "type", "page_view", "occurredAt", Instant.now().toString()));
        post(purchases);
        AbTestDecided decided = await(() -> event(executionId, AbTestDecided.class));
        post(List.of(purchase(inA.get(60), Instant.now())));
        Thread.sleep(1000);

        Map<String, Long> goals = goalsOf(executionId);
        assertThat(goals).containsExactlyInAnyOrderEntriesOf(Map.of("A", 10L, "B", 30L));
        assertThat(decided.goals()).isEqualTo(goals);
        assertThat(decided.inflow()).isEqualTo(Map.of("A", (long) inA.size(), "B", (long) inB.size()));
        String expected = 10.0 / inA.size() >= 30.0 / inB.size() ? "A" : "B";
        assertThat(decided.winningGroup()).isEqualTo(expected);
    }

    private String publishAbTest(int users) throws InterruptedException {
        List<Map<String, Object>> members = IntStream.range(0, users)
                .mapToObj(n -> Map.<String, Object>of("userId", "ab" + n, "attributes", Map.of()))
                .toList();
        String audienceId = (String) http.postForEntity(BASE + "/audiences", Map.of("name", "ab", "users", members),
                Map.class).getBody().get("id");
        Map<String, Object> flow = Map.of(
                "components", List.of(
                        Map.of("id", "audience", "type", "TARGET_AUDIENCE", "config", Map.of("audienceId", audienceId)),
                        Map.of("id", "ab", "type", "AB_TEST", "config", Map.of("groups", List.of(
                                        Map.of("name", "A", "percent", 50), Map.of("name", "B", "percent", 50)),
                                "goal", Map.of("eventType", "purchase", "windowHours", WINDOW_HOURS))),
                        Map.of("id", "tagA", "type", "GENERATE_AUDIENCE", "config", Map.of("name", "A")),
                        Map.of("id", "tagB", "type", "GENERATE_AUDIENCE", "config", Map.of("name", "B"))),
                "edges", List.of(Map.of("from", "audience", "to", "ab"),
                        Map.of("from", "ab", "to", "tagA", "branch", "A"),
                        Map.of("from", "ab", "to", "tagB", "branch", "B")));
        String campaignId = (String) http.postForEntity(BASE + "/campaigns", Map.of("name", "AB", "flow", flow),
                Map.class).getBody().get("id");
        assertThat(http.postForEntity(BASE + "/campaigns/" + campaignId + "/publish", null, Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        return await(() -> events.openStream(null).asStream()
                .map(EventMessage::getPayload)
                .filter(ExecutionStarted.class::isInstance)
                .map(ExecutionStarted.class::cast)
                .filter(started -> started.campaignId().equals(campaignId))
                .map(ExecutionStarted::executionId)
                .findFirst());
    }

    private Map<String, String> awaitGroups(String executionId, int users) throws InterruptedException {
        await(() -> event(executionId, ExecutionFinished.class));
        Map<String, String> groups = batches(executionId)
                .flatMap(batch -> batch.components().stream())
                .filter(outcomes -> outcomes.componentId().equals("ab"))
                .flatMap(outcomes -> outcomes.outcomes().stream())
                .collect(Collectors.toMap(UserOutcome::userId, UserOutcome::branch));
        assertThat(groups).hasSize(users);
        return groups;
    }

    private Map<String, Long> goalsOf(String executionId) {
        return events.readEvents(executionId).asStream()
                .map(EventMessage::getPayload)
                .filter(AbTestGoalsAchieved.class::isInstance)
                .map(AbTestGoalsAchieved.class::cast)
                .flatMap(goals -> goals.achievements().stream())
                .collect(Collectors.groupingBy(GoalAchievement::group, Collectors.counting()));
    }

    private Stream<ExecutionBatchRecorded> batches(String executionId) {
        return events.readEvents(executionId).asStream()
                .map(EventMessage::getPayload)
                .filter(ExecutionBatchRecorded.class::isInstance)
                .map(ExecutionBatchRecorded.class::cast);
    }

    private <T> Optional<T> event(String executionId, Class<T> type) {
        return events.readEvents(executionId).asStream()
                .map(EventMessage::getPayload)
                .filter(type::isInstance)
                .map(type::cast)
                .findFirst();
    }

    private static Map<String, Object> purchase(String userId, Instant at) {
        return Map.of("userId", userId, "type", "purchase", "occurredAt", at.toString(),
                "properties", Map.of("amount", 12.5));
    }

    private void post(List<Map<String, Object>> body) {
        assertThat(http.postForEntity(BASE + "/events", body, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
    }

    private static <T> T await(Supplier<Optional<T>> probe) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            Optional<T> found = probe.get();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not there within a minute");
    }
}
