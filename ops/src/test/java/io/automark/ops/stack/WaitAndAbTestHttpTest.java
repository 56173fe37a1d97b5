package io.automark.ops.stack;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Waiting users and an AB test through the public API of a local stack, black-box: the query side shows users
 * waiting until their time comes, and the test's goals per group and its winner once its window closes; the user
 * details list the waited users with the result they left with, and a route shows both steps at the wait.
 */
class WaitAndAbTestHttpTest {

    private static final int USERS = 40;
    private static LocalStack stack;

    @BeforeAll
    static void startStack() {
        stack = LocalStack.start(StackSettings.forTests());
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void theFiguresShowWaitingUsersThenGoalsPerGroupAndTheWinner() throws InterruptedException {
        Api api = new Api(stack.baseUrl(), "ws-" + UUID.randomUUID().toString().substring(0, 8));
        List<Map<String, Object>> users = IntStream.range(0, USERS)
                .mapToObj(n -> Map.<String, Object>of("userId", "p" + n, "attributes", Map.of()))
                .toList();
        String audienceId = api.post("/audiences", Map.of("name", "shoppers", "users", users)).id();
        String campaignId = api.post("/campaigns", Map.of("name", "Wait and test", "flow", Map.of(
                "components", List.of(
                        Map.of("id", "audience", "type", "TARGET_AUDIENCE", "config", Map.of("audienceId", audienceId)),
                        Map.of("id", "ab", "type", "AB_TEST", "config", Map.of("groups", List.of(
                                        Map.of("name", "A", "percent", 50), Map.of("name", "B", "percent", 50)),
                                "goal", Map.of("eventType", "purchase", "windowHours", 10.0 / 3600))),
                        Map.of("id", "pause", "type", "WAIT_UNTIL", "config", Map.of("duration", "PT5S")),
                        Map.of("id", "keepA", "type", "GENERATE_AUDIENCE", "config", Map.of("name", "A")),
                        Map.of("id", "keepB", "type", "GENERATE_AUDIENCE", "config", Map.of("name", "B"))),
                "edges", List.of(Map.of("from", "audience", "to", "ab"),
                        Map.of("from", "ab", "to", "pause", "branch", "A"),
                        Map.of("from", "pause", "to", "keepA"),
                        Map.of("from", "ab", "to", "keepB", "branch", "B"))))).id();
        api.post("/campaigns/" + campaignId + "/publish", null);
        String executionId = api.awaitExecution(campaignId);

        JsonNode waiting = api.awaitExecution(executionId, figures -> Api.component(figures, "pause").path("waiting")
                .asLong() > 0 && Api.component(figures, "ab").path("entered").asLong() == USERS);
        long inA = Api.component(waiting, "ab").path("branches").path("A").asLong();
        assertThat(Api.component(waiting, "pause").path("waiting").asLong()).isEqualTo(inA);
        assertThat(Api.component(waiting, "pause").path("passed").asLong()).isZero();
        assertThat(waiting.path("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(api.post("/events", IntStream.range(0, 10).mapToObj(n -> Map.of("userId", "p" + n,
                "type", "purchase", "occurredAt", Instant.now().toString())).toList()).status()).isEqualTo(202);

        JsonNode done = api.awaitExecution(executionId, figures -> figures.path("status").asText().equals("COMPLETED")
                && !Api.component(figures, "ab").path("winningGroup").isMissingNode());
        JsonNode ab = Api.component(done, "ab");
        assertThat(Api.component(done, "pause").path("waiting").asLong()).isZero();
        assertThat(Api.component(done, "pause").path("passed").asLong()).isEqualTo(inA);
        assertThat(ab.path("goalAchieved").asLong()).isEqualTo(10);
        long goalsA = ab.path("goals").path("A").asLong();
        long goalsB = ab.path("goals").path("B").asLong();
        assertThat(goalsA + goalsB).isEqualTo(10);
        long inB = USERS - inA;
        String expected = goalsA * inB > goalsB * inA || goalsA * inB == goalsB * inA && goalsA >= goalsB ? "A" : "B";
        assertThat(ab.path("winningGroup").asText()).isEqualTo(expected);

        String pauseUsers = "/executions/" + executionId + "/components/pause/users";
        JsonNode left = awaitTotal(api, pauseUsers + "?result=PASSED", inA);
        assertThat(api.get(pauseUsers + "?result=WAITING").body().path("total").asLong()).isZero();
        assertThat(api.get(pauseUsers).body().path("total").asLong()).isEqualTo(inA);
        String userId = left.path("items").get(0).path("userId").asText();
        JsonNode route = api.get("/executions/" + executionId + "/users/" + userId + "/route").body();
        assertThat(route.path("steps").findValuesAsText("result")).containsSubsequence("WAITING", "PASSED");
        assertThat(route.path("steps").findValuesAsText("componentId"))
                .containsExactly("audience", "ab", "pause", "pause", "keepA");

        String operationId = api.post("/executions/" + executionId + "/components/pause/audiences",
                Map.of("name", "paused", "results", List.of("WAITING", "PASSED"))).id();
        JsonNode saved = awaitOperation(api, operationId);
        assertThat(saved.path("size").asLong()).as("each user who waited once, by the result it left with")
                .isEqualTo(inA);
        String waitedOnly = api.post("/executions/" + executionId + "/components/pause/audiences",
                Map.of("name", "still waiting", "results", List.of("WAITING"))).id();
        assertThat(awaitOperation(api, waitedOnly).path("size").asLong()).isZero();
    }

    private static JsonNode awaitOperation(Api api, String operationId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            last = api.get("/audience-operations/" + operationId).body();
            if (last.path("status").asText().equals("COMPLETED")) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("operation " + operationId + " did not complete: " + last);
    }

    /** The user details follow the stream on their own, so they may show the run a little later than the figures. */
    private static JsonNode awaitTotal(Api api, String path, long total) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            last = api.get(path).body();
            if (last.path("total").asLong() == total) {
                return last;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(path + " did not reach a total of " + total + "; last seen: " + last);
    }
}
