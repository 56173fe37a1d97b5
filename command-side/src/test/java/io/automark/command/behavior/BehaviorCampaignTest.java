package io.automark.command.behavior;

import io.automark.command.CommandSideApplication;
import io.automark.command.support.EmbeddedStore;
import io.automark.command.support.WebhookReceiver;
import io.automark.events.execution.ComponentOutcomes;
import io.automark.events.execution.ExecutionBatchRecorded;
import io.automark.events.execution.ExecutionStarted;
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
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A behaviour-event campaign fed a real day of purchases (UCI Online Retail, 2010-12-01) over HTTP: only purchases
 * from the United Kingdom made after the campaign started let their customer in, each customer once per run.
 */
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(CommandSideApplication.PROFILE)
class BehaviorCampaignTest {

    private static final String BASE = "/api/v1/workspaces/retail";
    private static final WebhookReceiver RECEIVER = new WebhookReceiver();
    /** UK time of the day that the campaign's start is mapped to: invoices before it happened before the start. */
    private static final LocalDateTime ANCHOR = LocalDateTime.parse("2010-12-01T10:00:00");

    @Autowired
    private TestRestTemplate http;

    @Autowired
    private EventStore events;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> EmbeddedStore.uri("behavior-run"));
        // The replayed day goes on until 17:35, hours after its anchor, which is put at the run's start.
        registry.add("automark.behavior.max-clock-skew", () -> "12h");
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    @Test
    void aDayOfPurchasesLetsEachMatchingCustomerInOnceAndNoneFromBeforeTheStart() throws Exception {
        String campaignId = createCampaign();
        http.postForEntity(BASE + "/campaigns/" + campaignId + "/publish", null, Map.class);
        String executionId = awaitExecution(campaignId);
        Instant start = Instant.now();
        List<OnlineRetailDay.Line> lines = OnlineRetailDay.lines();
        List<Map<String, Object>> day = OnlineRetailDay.events(lines, ANCHOR, start.plusSeconds(2));

        replay(day);
        replay(day);

        Set<String> expected = lines.stream()
                .filter(line -> !line.cancellation() && line.country().equals("United Kingdom"))
                .filter(line -> !line.at().isBefore(ANCHOR))
                .map(OnlineRetailDay.Line::customerId)
                .collect(Collectors.toSet());
        assertThat(expected).hasSizeGreaterThan(20);
        awaitRequests(executionId, expected.size());
        Map<UserResult, Set<String>> entry = entryOutcomes(executionId);
        assertThat(entry.get(UserResult.PASSED)).isEqualTo(expected);
        assertThat(entry.get(UserResult.NOT_PASSED)).isEqualTo(expected);
        assertThat(RECEIVER.requests(executionId)).isEqualTo(expected.size());
    }

    @Test
    void anEventSentRightAfterThePublishAnswerLetsItsUserIn() throws Exception {
        String campaignId = createCampaign();
        http.postForEntity(BASE + "/campaigns/" + campaignId + "/publish", null, Map.class);

        ResponseEntity<Map> accepted = http.postForEntity(BASE + "/events", List.of(Map.of("userId", "first",
                "type", "purchase", "occurredAt", Instant.now().toString(),
                "properties", Map.of("country", "United Kingdom"))), Map.class);

        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        // Other running campaigns of this workspace may take the user too; this one must.
        assertThat((Integer) accepted.getBody().get("entered")).isPositive();
        String executionId = awaitExecution(campaignId);
        Instant deadline = Instant.now().plusSeconds(30);
        while (!entryOutcomes(executionId).containsKey(UserResult.PASSED) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(entryOutcomes(executionId).get(UserResult.PASSED)).containsExactly("first");
    }

    private void replay(List<Map<String, Object>> day) {
        for (int from = 0; from < day.size(); from += 500) {
            ResponseEntity<Map> accepted = http.postForEntity(BASE + "/events",
                    day.subList(from, Math.min(from + 500, day.size())), Map.class);
            assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        }
    }

    private String createCampaign() {
        Map<String, Object> body = Map.of("name", "UK shoppers", "flow", Map.of(
                "components", List.of(
                        Map.of("id", "purchase", "type", "BEHAVIOR_EVENT", "config", Map.of("eventType", "purchase",
                                "reentry", "ONCE", "conditions", List.of(Map.of("attribute", "country",
                                        "operator", "EQ", "value", "United Kingdom")))),
                        Map.of("id", "thanks", "type", "WEBHOOK", "config", Map.of("url", RECEIVER.url()))),
                "edges", List.of(Map.of("from", "purchase", "to", "thanks"))));
        return (String) http.postForEntity(BASE + "/campaigns", body, Map.class).getBody().get("id");
    }

    private String awaitExecution(String campaignId) throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            var started = events.openStream(null).asStream()
                    .map(EventMessage::getPayload)
                    .filter(ExecutionStarted.class::isInstance)
                    .map(ExecutionStarted.class::cast)
                    .filter(event -> event.campaignId().equals(campaignId))
                    .findFirst();
            if (started.isPresent()) {
                return started.get().executionId();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("campaign " + campaignId + " did not start");
    }

    private void awaitRequests(String executionId, int expected) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline) && entryOutcomes(executionId).getOrDefault(UserResult.NOT_PASSED,
                Set.of()).size() + entryOutcomes(executionId).getOrDefault(UserResult.PASSED, Set.of()).size()
                < 2L * expected) {
            Thread.sleep(200);
        }
    }

    private Map<UserResult, Set<String>> entryOutcomes(String executionId) {
        return events.readEvents(executionId).asStream()
                .map(EventMessage::getPayload)
                .filter(ExecutionBatchRecorded.class::isInstance)
                .map(ExecutionBatchRecorded.class::cast)
                .flatMap(batch -> batch.components().stream())
                .filter(outcomes -> outcomes.componentId().equals("purchase"))
                .map(ComponentOutcomes::outcomes)
                .flatMap(List::stream)
                .collect(Collectors.groupingBy(UserOutcome::result, Collectors.mapping(UserOutcome::userId,
                        Collectors.toSet())));
    }
}
