package io.automark.command.channel;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.automark.command.CommandSideApplication;
import io.automark.command.support.EmbeddedStore;
import io.automark.command.support.RunEnds;
import io.automark.events.execution.ComponentOutcomes;
import io.automark.events.execution.ExecutionBatchRecorded;
import io.automark.events.execution.ExecutionFinished;
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
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Campaigns whose channels go through the engine for real: an SMS through a workspace's HTTP provider, a coupon
 * with no provider, and a Kafka push with no Kafka configured.
 */
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(CommandSideApplication.PROFILE)
class ProviderCampaignRunTest {

    private static final int USERS = 600;
    private static final String BASE = "/api/v1/workspaces/acme";
    private static final String SECRET = "Bearer vendor-secret-0815";
    private static final RecordingServer VENDOR = new RecordingServer();

    @Autowired
    private TestRestTemplate http;

    @Autowired
    private EventStore events;

    @Autowired
    private ObjectMapper json;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> EmbeddedStore.uri("provider-run"));
        registry.add("automark.audience.chunk-size", () -> 250);
    }

    @AfterAll
    static void stopVendor() {
        VENDOR.close();
    }

    @Test
    void sendsAnSmsToEveryUserWithAPhoneThroughTheWorkspacesProvider() throws Exception {
        ResponseEntity<Map> provider = http.exchange(BASE + "/providers/TEXT_SMS", HttpMethod.PUT,
                new HttpEntity<>(Map.of("url", VENDOR.url("/sms"), "headers", Map.of("Authorization", SECRET),
                        "bodyTemplate", "{\"to\": \"{{address}}\", \"text\": \"{{config.template}}\"}")), Map.class);
        assertThat(provider.getStatusCode()).isEqualTo(HttpStatus.OK);
        String audienceId = uploadAudience();

        String campaignId = publish(audienceId, "sms", "TEXT_SMS", Map.of("template", "Hi {{name}}"));
        ExecutionFinished finished = RunEnds.ofCampaign(events, campaignId);

        long withPhone = IntStream.rangeClosed(1, USERS).filter(ProviderCampaignRunTest::hasPhone).count();
        assertThat(finished.status()).isEqualTo(ExecutionStatus.COMPLETED);
        Map<UserResult, Long> results = resultsOf(finished.executionId(), "sms");
        assertThat(results).containsEntry(UserResult.SUCCESS, withPhone)
                .containsEntry(UserResult.SKIPPED, USERS - withPhone);
        List<RecordingServer.Request> sms = VENDOR.requests().stream()
                .filter(request -> request.path().equals("/sms"))
                .toList();
        assertThat(sms).hasSize((int) withPhone);
        assertThat(sms).extracting(request -> request.header("Idempotency-Key")).doesNotHaveDuplicates()
                .allMatch(key -> key.startsWith(finished.executionId() + ":sms:"));
        assertThat(sms).extracting(request -> request.header("Authorization")).containsOnly(SECRET);
        assertThat(sms.get(0).text()).contains("\"text\": \"Hi Name");
        assertThat(eventsAsJson(finished.executionId(), campaignId)).doesNotContain("vendor-secret");
    }

    @Test
    void endsAbnormallyWhenTheWorkspaceHasNoProviderForTheType() throws Exception {
        String audienceId = uploadAudience();

        String campaignId = publish(audienceId, "coupon", "COUPON", Map.of("couponId", "c-1"));
        ExecutionFinished finished = RunEnds.ofCampaign(events, campaignId);

        assertThat(finished.status()).isEqualTo(ExecutionStatus.ABNORMAL_END);
        assertThat(outcomesOf(finished.executionId(), "coupon"))
                .hasSize(USERS)
                .allMatch(outcome -> outcome.result() == UserResult.SKIPPED && "NO_PROVIDER".equals(outcome.reason()));
    }

    @Test
    void endsAbnormallyWhenKafkaIsNotConfigured() throws Exception {
        String audienceId = uploadAudience();

        String campaignId = publish(audienceId, "push", "KAFKA", Map.of("topic", "sends"));
        ExecutionFinished finished = RunEnds.ofCampaign(events, campaignId);

        assertThat(finished.status()).isEqualTo(ExecutionStatus.ABNORMAL_END);
        assertThat(outcomesOf(finished.executionId(), "push"))
                .allMatch(outcome -> "NO_KAFKA".equals(outcome.reason()));
    }

    private static boolean hasPhone(int userNumber) {
        return userNumber % 4 != 0;
    }

    private String uploadAudience() {
        String csv = "user_id,phone,name\n" + IntStream.rangeClosed(1, USERS)
                .mapToObj(n -> "user-" + n + "," + (hasPhone(n) ? "+4670" + n : "") + ",Name" + n)
                .collect(Collectors.joining("\n"));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));

        ResponseEntity<Map> created = http.postForEntity(BASE + "/audiences?name=sms", new HttpEntity<>(csv,
                headers), Map.class);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return (String) created.getBody().get("id");
    }

    private String publish(String audienceId, String componentId, String type, Map<String, Object> config) {
        Map<String, Object> body = Map.of("name", "Provider run " + componentId, "flow", Map.of(
                "components", List.of(
                        Map.of("id", "audience", "type", "TARGET_AUDIENCE", "config", Map.of("audienceId", audienceId)),
                        Map.of("id", componentId, "type", type, "config", config)),
                "edges", List.of(Map.of("from", "audience", "to", componentId))));
        ResponseEntity<Map> created = http.postForEntity(BASE + "/campaigns", body, Map.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String campaignId = (String) created.getBody().get("id");

        ResponseEntity<Map> published = http.postForEntity(BASE + "/campaigns/" + campaignId + "/publish", null,
                Map.class);

        assertThat(published.getStatusCode()).isEqualTo(HttpStatus.OK);
        return campaignId;
    }

    private List<UserOutcome> outcomesOf(String executionId, String componentId) {
        return events.readEvents(executionId).asStream()
                .map(EventMessage::getPayload)
                .filter(ExecutionBatchRecorded.class::isInstance)
                .map(ExecutionBatchRecorded.class::cast)
                .flatMap(batch -> batch.components().stream())
                .filter(outcomes -> outcomes.componentId().equals(componentId))
                .map(ComponentOutcomes::outcomes)
                .flatMap(List::stream)
                .toList();
    }

    private Map<UserResult, Long> resultsOf(String executionId, String componentId) {
        return outcomesOf(executionId, componentId).stream()
                .collect(Collectors.groupingBy(UserOutcome::result, Collectors.counting()));
    }

    /** Every event of the execution and its campaign, payload and metadata, as JSON. */
    private String eventsAsJson(String executionId, String campaignId) throws Exception {
        List<Object> written = Stream.of(executionId, campaignId)
                .flatMap(id -> events.readEvents(id).asStream())
                .<Object>map(event -> List.of(event.getPayload(), event.getMetaData()))
                .toList();
        return json.writeValueAsString(written);
    }
}
