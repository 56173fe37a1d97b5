package io.automark.ops.stack;

import com.fasterxml.jackson.databind.JsonNode;
import io.automark.ops.stack.Api.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Campaign management through the public API of a local stack, black-box: each command is followed by reads of the
 * query side (waiting for its own write with {@code minVersion}), which must match what the command side answered.
 */
class CampaignManagementHttpTest {

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

    private static Api freshWorkspace() {
        return new Api(stack.baseUrl(), "ws-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** A flow whose entry waits for behaviour events, so its execution stays in progress. */
    private static Map<String, Object> campaign(String name, String url) {
        return Map.of("name", name, "flow", Map.of(
                "components", List.of(
                        Map.of("id", "entry", "type", "BEHAVIOR_EVENT", "config", Map.of("eventType", "purchase")),
                        Map.of("id", "hook", "type", "WEBHOOK", "config", Map.of("url", url))),
                "edges", List.of(Map.of("from", "entry", "to", "hook"))));
    }

    /** A behaviour entry whose users wait a day before a webhook, so that a stop finds them waiting. */
    private static Map<String, Object> waitingCampaign(String name, String url) {
        return Map.of("name", name, "flow", Map.of(
                "components", List.of(
                        Map.of("id", "entry", "type", "BEHAVIOR_EVENT", "config", Map.of("eventType", "purchase")),
                        Map.of("id", "pause", "type", "WAIT_UNTIL", "config", Map.of("duration", "P1D")),
                        Map.of("id", "hook", "type", "WEBHOOK", "config", Map.of("url", url))),
                "edges", List.of(Map.of("from", "entry", "to", "pause"), Map.of("from", "pause", "to", "hook"))));
    }

    private static JsonNode read(Api api, String campaignId, long version) {
        Answer answer = api.get("/campaigns/" + campaignId + "?minVersion=" + version);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("version").asLong()).isGreaterThanOrEqualTo(version);
        return answer.body();
    }

    @Test
    void anEditOfARunningCampaignIsANewVersionAndItsPublishPinsEarlierUsersToTheOldOne() {
        Api api = freshWorkspace();
        String id = api.post("/campaigns", campaign("Spring", "http://localhost:9/a")).id();
        api.post("/campaigns/" + id + "/publish", null);

        Answer edited = api.put("/campaigns/" + id, campaign("Spring", "http://localhost:9/b"));
        Answer published = api.post("/campaigns/" + id + "/publish", null);

        assertThat(edited.status()).isEqualTo(200);
        assertThat(published.status()).isEqualTo(200);
        JsonNode campaign = read(api, id, published.version());
        assertThat(campaign.path("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(campaign.path("publishedVersion").asInt()).isEqualTo(2);
        JsonNode versions = api.get("/campaigns/" + id + "/versions").body();
        assertThat(versions).hasSize(2);
        assertThat(api.get("/campaigns/" + id + "/versions/1").body().toString()).contains("http://localhost:9/a");
        assertThat(api.get("/campaigns/" + id + "/versions/2").body().toString()).contains("http://localhost:9/b");
        JsonNode executions = api.get("/campaigns/" + id + "/executions").body();
        assertThat(executions).hasSize(2);
        assertThat(executions).extracting(execution -> execution.path("status").asText())
                .containsOnly("IN_PROGRESS");
        assertThat(executions).extracting(execution -> execution.path("version").asInt())
                .containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void aCopyIsANewDraftAndADeletedCampaignLeavesTheListButKeepsItsHistory() throws InterruptedException {
        Api api = freshWorkspace();
        String id = api.post("/campaigns", campaign("Welcome", "http://localhost:9/a")).id();

        Answer copy = api.post("/campaigns/" + id + "/copy", null);
        JsonNode copied = read(api, copy.id(), copy.version());
        Answer deleted = api.delete("/campaigns/" + copy.id());

        assertThat(copy.status()).isEqualTo(201);
        assertThat(copied.path("name").asText()).isEqualTo("Welcome-Copy");
        assertThat(copied.path("status").asText()).isEqualTo("DRAFT");
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(awaitTotal(api, "", 1)).isEqualTo(1);
        JsonNode history = api.get("/campaigns/" + copy.id() + "/history").body();
        assertThat(history.toString()).contains("CampaignCopied", "CampaignDeleted");
    }

    @Test
    void batchStopAnswersPerIdAndTheReadModelFollows() throws InterruptedException {
        Api api = freshWorkspace();
        String running = api.post("/campaigns", waitingCampaign("Running", "http://localhost:9/a")).id();
        String draft = api.post("/campaigns", campaign("Draft", "http://localhost:9/a")).id();
        long version = api.post("/campaigns/" + running + "/publish", null).version();
        String executionId = api.awaitExecution(running);
        api.post("/events", List.of(Map.of("userId", "u-1", "type", "purchase",
                "occurredAt", Instant.now().toString())));
        api.awaitExecution(executionId, figures -> Api.component(figures, "pause").path("waiting").asLong() == 1);

        Answer stopped = api.post("/campaigns/batch-stop", Map.of("ids", List.of(running, draft)));

        assertThat(stopped.status()).isEqualTo(200);
        JsonNode results = stopped.body().path("results");
        assertThat(results.get(0).path("ok").asBoolean()).isTrue();
        assertThat(results.get(1).path("code").asText()).isEqualTo("INVALID_STATE");
        assertThat(read(api, running, version + 1).path("status").asText()).isEqualTo("STOPPED");
        assertThat(read(api, draft, 1).path("status").asText()).isEqualTo("DRAFT");
        JsonNode figures = api.awaitExecution(executionId,
                execution -> Api.component(execution, "pause").path("stopped").asLong() == 1);
        assertThat(figures.path("status").asText()).isEqualTo("STOPPED");
        assertThat(Api.component(figures, "pause").path("waiting").asLong()).isZero();
        assertThat(Api.component(figures, "pause").path("entered").asLong()).isEqualTo(1);
        assertThat(Api.component(figures, "hook").path("stopped").asLong()).as("a channel no user reached").isZero();
        assertThat(Api.component(figures, "entry").has("stopped")).isFalse();
    }

    @Test
    void groupsNestThreeLevelsAndTheListFiltersBySubGroups() throws InterruptedException {
        Api api = freshWorkspace();
        String top = api.post("/groups", Map.of("name", "Seasonal")).id();
        String child = api.post("/groups", Map.of("name", "Spring", "parentId", top)).id();
        String grandChild = api.post("/groups", Map.of("name", "March", "parentId", child)).id();
        Map<String, Object> filed = new HashMap<>(campaign("Filed", "http://localhost:9/a"));
        filed.put("groupId", grandChild);
        api.post("/campaigns", filed);
        api.post("/campaigns", campaign("Loose", "http://localhost:9/a"));

        Answer fourth = api.post("/groups", Map.of("name", "Too deep", "parentId", grandChild));
        Answer notEmpty = api.delete("/groups/" + grandChild);

        assertThat(fourth.status()).isEqualTo(409);
        assertThat(fourth.body().path("code").asText()).isEqualTo("GROUP_DEPTH_EXCEEDED");
        assertThat(notEmpty.status()).isEqualTo(409);
        assertThat(notEmpty.body().path("code").asText()).isEqualTo("GROUP_NOT_EMPTY");
        assertThat(awaitTotal(api, "?groupId=" + top, 1)).isEqualTo(1);
        assertThat(awaitTotal(api, "?groupId=ungrouped", 1)).isEqualTo(1);
        JsonNode counts = api.get("/campaigns/status-counts?groupId=" + top).body();
        assertThat(counts.path("DRAFT").asInt()).isEqualTo(1);
        assertThat(api.get("/groups").body().toString()).contains("Seasonal", "Spring", "March");
    }

    /** Reads the list until it shows {@code expected} campaigns (the projection follows the commands) or gives up. */
    private static long awaitTotal(Api api, String query, long expected) throws InterruptedException {
        long total = -1;
        for (int attempt = 0; attempt < 100 && total != expected; attempt++) {
            total = api.get("/campaigns" + query).body().path("total").asLong();
            if (total != expected) {
                Thread.sleep(50);
            }
        }
        return total;
    }
}
