package io.automark.command.web;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.automark.command.CommandSideApplication;
import io.automark.command.common.DomainException;
import io.automark.command.support.EmbeddedStore;
import io.automark.command.support.Flows;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The command API over real HTTP: bad input gets a problem with a stable code, never a 5xx. */
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(CommandSideApplication.PROFILE)
class CommandApiTest {

    private static final String BASE = "/api/v1/workspaces/acme";

    @Autowired
    private TestRestTemplate http;

    @Autowired
    private EventStore events;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> EmbeddedStore.uri("command-api"));
        registry.add("automark.execution.workers", () -> 0);
        registry.add("automark.workspace.max-in-progress", () -> 100);
    }

    private static Map<String, Object> validCampaign() {
        return Flows.hookCampaignBody("Welcome");
    }

    private ResponseEntity<Map> send(HttpMethod method, String path, Object body, String contentType) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(contentType));
        return http.exchange(BASE + path, method, new HttpEntity<>(body, headers), Map.class);
    }

    private ResponseEntity<Map> postJson(String path, Object body) {
        return send(HttpMethod.POST, path, body, MediaType.APPLICATION_JSON_VALUE);
    }

    private String createCampaign() {
        ResponseEntity<Map> created = postJson("/campaigns", validCampaign());
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return (String) created.getBody().get("id");
    }

    private static void assertProblem(ResponseEntity<Map> response, HttpStatus status, String code) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(response.getBody()).containsEntry("code", code).containsKeys("title", "detail", "status");
    }

    private static List<Map<String, String>> errorsOf(ResponseEntity<Map> response) {
        return (List<Map<String, String>>) response.getBody().get("errors");
    }

    @Test
    void createsACampaignAndAnswersItsIdAndVersion() {
        ResponseEntity<Map> created = postJson("/campaigns", validCampaign());

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody()).containsKey("id").containsEntry("version", 1);
    }

    @Test
    void listsEveryProblemOfAnInvalidFlow() {
        Map<String, Object> body = Map.of("name", "Broken", "flow", Map.of(
                "components", List.of(
                        Map.of("id", "in", "type", "TARGET_AUDIENCE", "config", Map.of()),
                        Map.of("id", "odd", "type", "TELEPATHY", "config", Map.of()),
                        Map.of("id", "hook", "type", "WEBHOOK", "config", Map.of("url", "not a url"))),
                "edges", List.of(Map.of("from", "in", "to", "nowhere"))));

        ResponseEntity<Map> response = postJson("/campaigns", body);

        assertProblem(response, HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
        List<Map<String, String>> errors = (List<Map<String, String>>) response.getBody().get("errors");
        assertThat(errors).extracting(error -> error.get("field")).contains(
                "flow.components[0].config.audienceId", "flow.components[1].type",
                "flow.components[2].config.url", "flow.edges[0].to");
    }

    @Test
    void refusesOnSaveEachConfigurationFieldTheComponentDoesNotRead() {
        Map<String, Object> body = Map.of("name", "Misspelt", "flow", Map.of(
                "components", List.of(
                        Map.of("id", "in", "type", "TARGET_AUDIENCE", "config", Map.of("audienceId", "a-1")),
                        Map.of("id", "wait", "type", "WAIT_UNTIL", "config", Map.of("duration", "PT5S",
                                "bogus", 1, "timeout", "PT1H"))),
                "edges", List.of(Map.of("from", "in", "to", "wait"))));

        ResponseEntity<Map> response = postJson("/campaigns", body);

        assertProblem(response, HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
        assertThat(errorsOf(response)).extracting(error -> error.get("field")).containsExactlyInAnyOrder(
                "flow.components[1].config.bogus", "flow.components[1].config.timeout");
        assertThat(errorsOf(response)).allSatisfy(error -> assertThat(error.get("message")).isNotBlank());
    }

    @Test
    void refusesMalformedJson() {
        ResponseEntity<Map> response = send(HttpMethod.POST, "/campaigns", "{\"name\": ", "application/json");

        assertProblem(response, HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
    }

    @Test
    void refusesAValueOfTheWrongType() {
        ResponseEntity<Map> response = send(HttpMethod.POST, "/campaigns",
                "{\"name\": \"x\", \"flow\": {\"components\": 7}}", "application/json");

        assertProblem(response, HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
    }

    @Test
    void refusesAnUnknownField() {
        ResponseEntity<Map> response = send(HttpMethod.POST, "/campaigns",
                "{\"name\": \"x\", \"colour\": \"red\", \"flow\": {\"components\": []}}", "application/json");

        assertProblem(response, HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
    }

    @Test
    void refusesAMissingName() {
        ResponseEntity<Map> response = postJson("/campaigns", Map.of("flow", validCampaign().get("flow")));

        assertProblem(response, HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
    }

    @Test
    void refusesAMalformedWorkspaceId() {
        ResponseEntity<Map> response = http.postForEntity("/api/v1/workspaces/NOT_OK/campaigns", validCampaign(),
                Map.class);

        assertProblem(response, HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
    }

    @Test
    void answersNotFoundForAnUnknownCampaign() {
        ResponseEntity<Map> response = postJson("/campaigns/no-such-campaign/stop", null);

        assertProblem(response, HttpStatus.NOT_FOUND, "NOT_FOUND");
    }

    @Test
    void answersInvalidStateForAnIllegalTransition() {
        String id = createCampaign();

        ResponseEntity<Map> response = postJson("/campaigns/" + id + "/stop", null);

        assertProblem(response, HttpStatus.CONFLICT, "INVALID_STATE");
    }

    @Test
    void answersVersionConflictForAStaleIfMatch() {
        String id = createCampaign();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setIfMatch("\"7\"");

        ResponseEntity<Map> response = http.exchange(BASE + "/campaigns/" + id, HttpMethod.PUT,
                new HttpEntity<>(validCampaign(), headers), Map.class);

        assertProblem(response, HttpStatus.CONFLICT, "VERSION_CONFLICT");
    }

    @Test
    void refusesAnIfMatchThatIsNoVersion() {
        String id = createCampaign();

        for (String ifMatch : List.of("\"-1\"", "\"0\"", "*", "\"abc\"")) {
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_JSON);
            headers.set(HttpHeaders.IF_MATCH, ifMatch);

            ResponseEntity<Map> response = http.exchange(BASE + "/campaigns/" + id, HttpMethod.PUT,
                    new HttpEntity<>(validCampaign(), headers), Map.class);

            assertProblem(response, HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
            assertThat(errorsOf(response)).extracting(error -> error.get("field")).containsExactly("If-Match");
        }
    }

    @Test
    void savesWithTheCurrentIfMatchAndAnswersTheNewVersion() {
        String id = createCampaign();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setIfMatch("\"1\"");

        ResponseEntity<Map> response = http.exchange(BASE + "/campaigns/" + id, HttpMethod.PUT,
                new HttpEntity<>(validCampaign(), headers), Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).containsEntry("version", 2);
    }

    @Test
    void refusesACsvWithoutUserIdColumn() {
        ResponseEntity<Map> response = send(HttpMethod.POST, "/audiences?name=x", "id,age\n1,30\n", "text/csv");

        assertProblem(response, HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
    }

    @Test
    void refusesACsvRowWithTooManyColumns() {
        ResponseEntity<Map> response = send(HttpMethod.POST, "/audiences?name=x", "user_id,age\n1,30\n2,40,9\n",
                "text/csv");

        assertProblem(response, HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
    }

    @Test
    void refusesAnEmailAddressAsUserId() {
        ResponseEntity<Map> response = send(HttpMethod.POST, "/audiences?name=x", "user_id\nana@example.test\n",
                "text/csv");

        assertProblem(response, HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
    }

    @Test
    void importsAJsonAudience() {
        ResponseEntity<Map> response = postJson("/audiences", Map.of("name", "vip", "users", List.of(
                Map.of("userId", "u1", "attributes", Map.of("city", "Oslo"), "tags", List.of("vip")),
                Map.of("userId", "u2"))));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(response.getBody()).containsEntry("size", 2);
    }

    @Test
    void refusesAnUnsupportedMediaType() {
        ResponseEntity<Map> response = send(HttpMethod.POST, "/campaigns", "name=x", "text/plain");

        assertProblem(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void answersTheFirstAnswerAgainForARepeatedIdempotencyKey() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Idempotency-Key", "create-welcome-1");

        ResponseEntity<Map> first = http.exchange(BASE + "/campaigns", HttpMethod.POST,
                new HttpEntity<>(validCampaign(), headers), Map.class);
        ResponseEntity<Map> second = http.exchange(BASE + "/campaigns", HttpMethod.POST,
                new HttpEntity<>(validCampaign(), headers), Map.class);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(second.getBody()).isEqualTo(first.getBody());
        assertThat(second.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void refusesAnIdempotencyKeyReusedForAnotherRequest() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Idempotency-Key", "create-welcome-2");
        http.exchange(BASE + "/campaigns", HttpMethod.POST, new HttpEntity<>(validCampaign(), headers), Map.class);
        Map<String, Object> other = new java.util.HashMap<>(validCampaign());
        other.put("name", "Another");

        ResponseEntity<Map> reused = http.exchange(BASE + "/campaigns", HttpMethod.POST,
                new HttpEntity<>(other, headers), Map.class);

        assertProblem(reused, HttpStatus.UNPROCESSABLE_ENTITY, "IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void refusesAnOversizedBody() {
        String huge = "{\"name\": \"" + "x".repeat(2_000_000) + "\"}";

        ResponseEntity<Map> response = send(HttpMethod.POST, "/campaigns", huge, "application/json");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(response.getBody()).containsEntry("code", "PAYLOAD_TOO_LARGE");
    }

    @Test
    void keepsAtMostOneHundredCampaignsInProgressUnderConcurrentPublishes() throws Exception {
        String crowded = "/api/v1/workspaces/crowded";
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            ids.add((String) http.postForEntity(crowded + "/campaigns", validCampaign(), Map.class).getBody()
                    .get("id"));
        }
        ExecutorService clients = Executors.newFixedThreadPool(16);

        List<Future<ResponseEntity<Map>>> answers = new ArrayList<>();
        for (String id : ids) {
            answers.add(clients.submit(() -> http.postForEntity(crowded + "/campaigns/" + id + "/publish", null,
                    Map.class)));
        }
        Map<HttpStatusCode, Integer> byStatus = new HashMap<>();
        for (Future<ResponseEntity<Map>> answer : answers) {
            ResponseEntity<Map> response = answer.get(60, TimeUnit.SECONDS);
            byStatus.merge(response.getStatusCode(), 1, Integer::sum);
            if (response.getStatusCode() == HttpStatus.CONFLICT) {
                assertThat(response.getBody()).containsEntry("code", "LIMIT_REACHED");
            }
        }
        clients.shutdown();

        assertThat(byStatus).containsEntry(HttpStatus.OK, 100).containsEntry(HttpStatus.CONFLICT, 50);
        String stopped = ids.stream().filter(id -> http.postForEntity(crowded + "/campaigns/" + id + "/stop", null,
                Map.class).getStatusCode() == HttpStatus.OK).findFirst().orElseThrow();
        String waiting = ids.stream().filter(id -> !id.equals(stopped)).filter(id -> http.postForEntity(crowded
                + "/campaigns/" + id + "/publish", null, Map.class).getStatusCode() == HttpStatus.OK).findFirst()
                .orElse(null);
        assertThat(waiting).as("a stop frees a place for the next publish").isNotNull();
    }

    @Test
    void answersEachIdOfABatchStopOnItsOwn() {
        String draft = createCampaign();
        String running = createCampaign();
        postJson("/campaigns/" + running + "/publish", null);

        ResponseEntity<Map> response = postJson("/campaigns/batch-stop", Map.of("ids", List.of(running, draft,
                "no-such-id")));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<Map<String, Object>> results = (List<Map<String, Object>>) response.getBody().get("results");
        assertThat(results).extracting(result -> result.get("ok")).containsExactly(true, false, false);
        assertThat(results).extracting(result -> result.get("code")).containsExactly(null, "INVALID_STATE",
                "NOT_FOUND");
    }

    @Test
    void copiesACampaignAndDeletesTheCopy() {
        String id = createCampaign();

        ResponseEntity<Map> copy = postJson("/campaigns/" + id + "/copy", null);
        String copyId = (String) copy.getBody().get("id");
        ResponseEntity<Void> deleted = http.exchange(BASE + "/campaigns/" + copyId, HttpMethod.DELETE, null,
                Void.class);

        assertThat(copy.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(copyId).isNotEqualTo(id);
        assertThat(deleted.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertProblem(postJson("/campaigns/" + copyId + "/move", Map.of("groupId", "g-1")), HttpStatus.NOT_FOUND,
                "NOT_FOUND");
    }

    @Test
    void createsACampaignFromATemplateAndItsCopyIsDetachedFromIt() {
        ResponseEntity<Map> template = postJson("/templates", Map.of("name", "Welcome flow",
                "flow", validCampaign().get("flow")));
        String templateId = (String) template.getBody().get("id");

        ResponseEntity<Map> campaign = postJson("/templates/" + templateId + "/campaigns", Map.of("name", "From T"));
        String campaignId = (String) campaign.getBody().get("id");
        String copyId = (String) postJson("/campaigns/" + campaignId + "/copy", null).getBody().get("id");

        assertThat(template.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(campaign.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(payloadTypes(campaignId)).containsExactly("CampaignCreated", "CampaignCreatedFromTemplate");
        assertThat(payloadTypes(copyId)).containsExactly("CampaignCreated", "CampaignCopied");
    }

    @Test
    void refusesToFileACampaignInAGroupThatDoesNotExist() {
        Map<String, Object> body = new HashMap<>(validCampaign());
        body.put("groupId", "no-such-group");

        assertProblem(postJson("/campaigns", body), HttpStatus.NOT_FOUND, "NOT_FOUND");
    }

    @Test
    void refusesToDeleteAGroupRightAfterACampaignWasMovedIntoIt() {
        String groupId = (String) postJson("/groups", Map.of("name", "Spring")).getBody().get("id");
        String campaignId = createCampaign();
        postJson("/campaigns/" + campaignId + "/move", Map.of("groupId", groupId));

        ResponseEntity<Map> refused = http.exchange(BASE + "/groups/" + groupId, HttpMethod.DELETE, null, Map.class);

        assertProblem(refused, HttpStatus.CONFLICT, "GROUP_NOT_EMPTY");
    }

    @Test
    void refusesToDeleteAGroupRightAfterACampaignWasCreatedInIt() {
        for (int attempt = 0; attempt < 10; attempt++) {
            String groupId = (String) postJson("/groups", Map.of("name", "Autumn " + attempt)).getBody().get("id");
            Map<String, Object> body = new HashMap<>(validCampaign());
            body.put("groupId", groupId);
            postJson("/campaigns", body);

            ResponseEntity<Map> refused = http.exchange(BASE + "/groups/" + groupId, HttpMethod.DELETE, null,
                    Map.class);

            assertProblem(refused, HttpStatus.CONFLICT, "GROUP_NOT_EMPTY");
        }
    }

    @Test
    void refusesAFourthGroupLevel() {
        String top = (String) postJson("/groups", Map.of("name", "1")).getBody().get("id");
        String second = (String) postJson("/groups", Map.of("name", "2", "parentId", top)).getBody().get("id");
        String third = (String) postJson("/groups", Map.of("name", "3", "parentId", second)).getBody().get("id");

        ResponseEntity<Map> fourth = postJson("/groups", Map.of("name", "4", "parentId", third));

        assertProblem(fourth, HttpStatus.CONFLICT, "GROUP_DEPTH_EXCEEDED");
    }

    private List<String> payloadTypes(String aggregateId) {
        return events.readEvents(aggregateId).asStream()
                .map(event -> event.getPayloadType().getSimpleName())
                .toList();
    }

    @Test
    void refusesNullsInsideTheBodyWithoutChangingAnything() {
        ResponseEntity<Map> nullComponent = send(HttpMethod.POST, "/campaigns",
                "{\"name\": \"x\", \"flow\": {\"components\": [null], \"edges\": [null]}}", "application/json");
        String running = createCampaign();
        postJson("/campaigns/" + running + "/publish", null);
        ResponseEntity<Map> nullId = send(HttpMethod.POST, "/campaigns/batch-stop",
                "{\"ids\": [\"" + running + "\", null]}", "application/json");
        ResponseEntity<Map> nullTag = send(HttpMethod.POST, "/audiences",
                "{\"name\": \"j\", \"users\": [{\"userId\": \"u1\", \"tags\": [null]}]}", "application/json");

        assertProblem(nullComponent, HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
        assertProblem(nullId, HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
        assertProblem(nullTag, HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
        assertProblem(postJson("/campaigns/" + running + "/start", null), HttpStatus.CONFLICT, "INVALID_STATE");
    }

    @Test
    void namesTheFieldOfAnInvalidValueAndRefusesANumberForText() {
        Map<String, Object> blank = new HashMap<>(validCampaign());
        blank.put("name", " ");
        Map<String, Object> number = new HashMap<>(validCampaign());
        number.put("name", 123);

        ResponseEntity<Map> blankName = postJson("/campaigns", blank);

        assertProblem(blankName, HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
        assertThat(blankName.getBody().get("errors").toString()).contains("field=name");
        assertProblem(postJson("/campaigns", number), HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
    }

    @Test
    void refusesToStartADraft() {
        assertProblem(postJson("/campaigns/" + createCampaign() + "/start", null), HttpStatus.CONFLICT,
                "INVALID_STATE");
    }

    @Test
    void refusesAnAudienceThatListsAUserTwice() {
        ResponseEntity<Map> response = send(HttpMethod.POST, "/audiences?name=x", "user_id,city\nu1,Paris\nu1,Lyon\n",
                "text/csv");

        assertProblem(response, HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
    }

    @Test
    void answers413ForAnOversizedBodyCarryingAnIdempotencyKey() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Idempotency-Key", "too-big");
        String huge = "{\"name\": \"" + "x".repeat(2_000_000) + "\"}";

        ResponseEntity<Map> response = http.exchange(BASE + "/campaigns", HttpMethod.POST,
                new HttpEntity<>(huge, headers), Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    }

    @Test
    void listsEachProblemOfBehaviourEventsUnderItsPlaceInTheBody() {
        String now = Instant.now().toString();
        List<Map<String, Object>> events = List.of(
                Map.of("userId", "u1", "type", "visit", "occurredAt", now),
                Map.of("userId", "not an id!", "type", " ", "occurredAt", now),
                Map.of("userId", "u3", "type", "visit", "occurredAt", now),
                Map.of("userId", "u4", "type", "visit"));

        ResponseEntity<Map> response = postJson("/events", events);

        assertProblem(response, HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
        assertThat(errorsOf(response)).extracting(error -> error.get("field"))
                .containsExactlyInAnyOrder("[1].userId", "[1].type", "[3].occurredAt");
        assertThat(errorsOf(response)).allSatisfy(error -> assertThat(error.get("message")).isNotBlank());
    }

    @Test
    void listsTheWrongTypesOfEveryBehaviourEventNotOnlyTheFirstInTheWordsOfJson() {
        String now = Instant.now().toString();
        List<Object> events = List.of(
                Map.of("userId", "u0", "type", "visit", "occurredAt", now),
                Map.of("userId", "u1", "type", "visit", "occurredAt", 1),
                Map.of("userId", List.of("u2"), "type", "visit", "occurredAt", now),
                Map.of("type", "visit"),
                "an event",
                Map.of("userId", "u5", "type", "visit", "occurredAt", now, "properties", List.of(1)));

        ResponseEntity<Map> response = postJson("/events", events);

        assertProblem(response, HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
        assertThat(errorsOf(response)).extracting(error -> error.get("field")).containsExactlyInAnyOrder(
                "[1].occurredAt", "[2].userId", "[3].userId", "[3].occurredAt", "[4]", "[5].properties");
        assertThat(errorsOf(response)).extracting(error -> (String) error.get("message"))
                .contains("expected a string", "expected an object")
                .noneMatch(message -> message.matches(".*expected [A-Z]\\w*.*"));
    }

    @Test
    void refusesANumberOrAStringOfDigitsAsTheTimeOfABehaviourEvent() {
        List<Map<String, Object>> inMillis = List.of(Map.of("userId", "u1", "type", "visit",
                "occurredAt", 1_764_756_000_000L));
        List<Map<String, Object>> inSeconds = List.of(Map.of("userId", "u1", "type", "visit",
                "occurredAt", Instant.now().toString()), Map.of("userId", "u2", "type", "visit",
                "occurredAt", "1764756000"));

        ResponseEntity<Map> number = postJson("/events", inMillis);
        ResponseEntity<Map> digits = postJson("/events", inSeconds);

        assertProblem(number, HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
        assertThat(errorsOf(number)).extracting(error -> error.get("field")).containsExactly("[0].occurredAt");
        assertThat(errorsOf(number).get(0).get("message")).contains("ISO-8601");
        assertProblem(digits, HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
        assertThat(errorsOf(digits)).extracting(error -> error.get("field")).containsExactly("[1].occurredAt");
    }

    @Test
    void refusesABehaviourEventFurtherAheadThanTheClockSkewAndTakesOneWithinIt() {
        Instant now = Instant.now();
        List<Map<String, Object>> anHourAhead = List.of(
                Map.of("userId", "u1", "type", "visit", "occurredAt", now.plusSeconds(60).toString()),
                Map.of("userId", "u2", "type", "visit", "occurredAt", now.plus(Duration.ofHours(1)).toString()));
        List<Map<String, Object>> aMinuteAhead = List.of(
                Map.of("userId", "u1", "type", "visit", "occurredAt", now.plusSeconds(60).toString()));

        ResponseEntity<Map> refused = postJson("/events", anHourAhead);
        ResponseEntity<Map> taken = postJson("/events", aMinuteAhead);

        assertProblem(refused, HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
        assertThat(errorsOf(refused)).singleElement().satisfies(error -> {
            assertThat(error).containsEntry("field", "[1].occurredAt");
            assertThat(error.get("message")).contains("lies in the future", "PT5M");
        });
        assertThat(taken.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    }

    @Test
    void refusesAnOverlongIdempotencyKeyNamingTheHeaderInTheErrors() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Idempotency-Key", "k".repeat(129));

        ResponseEntity<Map> response = http.exchange(BASE + "/campaigns", HttpMethod.POST,
                new HttpEntity<>(validCampaign(), headers), Map.class);

        assertProblem(response, HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
        assertThat(errorsOf(response)).singleElement()
                .satisfies(error -> assertThat(error).containsEntry("field", "Idempotency-Key")
                        .containsKey("message"));
    }

    @Test
    void refusesInvalidCreatesAndCommandsWithoutLoggingThemAsWarningsOrErrors() {
        Map<String, Object> brokenFlow = Map.of("components", List.of(
                Map.of("id", "in", "type", "TARGET_AUDIENCE", "config", Map.of())), "edges", List.of());
        String draft = createCampaign();
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logged.start();
        root.addAppender(logged);

        List<ResponseEntity<Map>> refusals;
        try {
            refusals = List.of(
                    postJson("/campaigns", Map.of("name", "Broken", "flow", brokenFlow)),
                    postJson("/templates", Map.of("name", "Broken", "flow", brokenFlow)),
                    postJson("/campaigns/" + draft + "/start", null));
        } finally {
            root.detachAppender(logged);
        }

        assertThat(refusals).extracting(ResponseEntity::getStatusCode)
                .containsExactly(HttpStatus.BAD_REQUEST, HttpStatus.BAD_REQUEST, HttpStatus.CONFLICT);
        assertThat(logged.list)
                .filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
                .filteredOn(event -> event.getThrowableProxy() instanceof ThrowableProxy proxy
                        && proxy.getThrowable() instanceof DomainException)
                .isEmpty();
    }

    @Test
    void answersNotFoundForACommandOnAnUnknownCampaignWithoutLoggingAWarning() {
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logged.start();
        root.addAppender(logged);

        ResponseEntity<Map> response;
        try {
            response = postJson("/campaigns/no-such-campaign-here/stop", null);
        } finally {
            root.detachAppender(logged);
        }

        assertProblem(response, HttpStatus.NOT_FOUND, "NOT_FOUND");
        assertThat(logged.list)
                .filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
                .extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(message -> message.contains("no-such-campaign-here"));
    }

    @Test
    void answersNotFoundForAGroupOfAWorkspaceWithoutGroups() {
        Map<String, Object> body = new HashMap<>(validCampaign());
        body.put("groupId", "ghost");

        ResponseEntity<Map> response = http.postForEntity("/api/v1/workspaces/no-groups/campaigns", body, Map.class);

        assertProblem(response, HttpStatus.NOT_FOUND, "NOT_FOUND");
        assertThat((String) response.getBody().get("detail")).contains("group ghost");
    }

    @Test
    void givesACodeToUnknownPathsAndMethods() {
        assertProblem(postJson("/no-such-thing", Map.of()), HttpStatus.NOT_FOUND, "NOT_FOUND");
        assertProblem(send(HttpMethod.PATCH, "/campaigns/" + createCampaign(), Map.of(), "application/json"),
                HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED");
        assertProblem(send(HttpMethod.POST, "/audiences", "<users/>", "application/xml"),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void publishesTheOpenApiDocument() {
        ResponseEntity<Map> response = http.getForEntity("/v3/api-docs", Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((Map<String, Object>) response.getBody().get("paths")).containsKey(
                "/api/v1/workspaces/{ws}/campaigns");
    }
}
