package io.automark.command.execution;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.automark.command.CommandSideApplication;
import io.automark.command.audience.AudienceMember;
import io.automark.command.audience.AudienceStore;
import io.automark.command.channel.EmailChannel;
import io.automark.command.component.ComponentExecutors;
import io.automark.command.component.GenerateAudienceExecutor;
import io.automark.command.support.EmbeddedStore;
import io.automark.command.support.RunEnds;
import io.automark.events.audience.AudienceExportCompleted;
import io.automark.events.audience.AudienceImported;
import io.automark.command.support.WebhookReceiver;
import io.automark.events.campaign.CampaignFinished;
import io.automark.events.campaign.ComponentType;
import io.automark.events.campaign.EndState;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs a campaign end to end on the command side, against the embedded store, a real SMTP server and a real HTTP
 * receiver, and checks what the event store records against what the receivers got.
 */
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(CommandSideApplication.PROFILE)
class CampaignRunTest {

    private static final int USERS = 2_500;
    private static final String BASE = "/api/v1/workspaces/acme";
    private static final WebhookReceiver RECEIVER = new WebhookReceiver();

    private static final GreenMail SMTP = startSmtp();

    @Autowired
    private TestRestTemplate http;

    @Autowired
    private EventStore events;

    @Autowired
    private AudienceStore audiences;

    @Autowired
    private ComponentExecutors executors;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> EmbeddedStore.uri("campaign-run"));
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("automark.audience.chunk-size", () -> 400);
    }

    @AfterAll
    static void stopReceivers() {
        RECEIVER.close();
        SMTP.stop();
    }

    private static GreenMail startSmtp() {
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort())
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        smtp.start();
        return smtp;
    }

    @Test
    void runsAnAudienceThroughTheFlowAndRecordsWhatTheReceiversGot() throws Exception {
        String audienceId = uploadAudience();
        String campaignId = createCampaign(audienceId);

        ResponseEntity<Map> published = http.postForEntity(BASE + "/campaigns/" + campaignId + "/publish", null,
                Map.class);
        assertThat(published.getStatusCode()).isEqualTo(HttpStatus.OK);

        ExecutionFinished finished = RunEnds.ofCampaign(events, campaignId);
        assertThat(finished.status()).isEqualTo(ExecutionStatus.COMPLETED);

        Map<String, Map<UserResult, Long>> results = resultsByComponent(finished.executionId());
        long newbies = IntStream.rangeClosed(1, USERS).filter(CampaignRunTest::isNewbie).count();
        assertThat(results.get("audience")).containsEntry(UserResult.PASSED, (long) USERS);
        assertThat(results.get("newbie")).containsEntry(UserResult.PASSED, newbies)
                .containsEntry(UserResult.NOT_PASSED, USERS - newbies);
        assertThat(results.get("hook")).containsEntry(UserResult.SUCCESS, newbies);
        assertThat(results.get("mail")).containsEntry(UserResult.SUCCESS, USERS - newbies);
        assertThat(RECEIVER.requests(finished.executionId())).isEqualTo((int) newbies);
        assertThat(RECEIVER.keys()).filteredOn(key -> key.startsWith(finished.executionId())).hasSize((int) newbies);
        assertThat(mailsOf(finished.executionId())).isEqualTo(USERS - newbies);
        for (var mail : SMTP.getReceivedMessages()) {
            String key = mail.getHeader("X-Automark-Idempotency-Key")[0];
            assertThat(mail.getMessageID()).isEqualTo(EmailChannel.messageIdOf(key));
        }
        assertThat(awaitEvent(campaignId, CampaignFinished.class).endState()).isEqualTo(EndState.NORMAL);
    }

    @Test
    void everyComponentTypeOfTheContractRuns() {
        assertThat(ComponentType.values()).hasSize(19).allMatch(executors::runs);
    }

    @Test
    void tagsUsersSoLaterComponentsSeeTheTagsAndSavesThemAsANewAudience() throws Exception {
        String audienceId = uploadAudience();
        Map<String, Object> body = Map.of("name", "Tag and keep", "flow", Map.of(
                "components", List.of(
                        Map.of("id", "audience", "type", "TARGET_AUDIENCE", "config", Map.of("audienceId", audienceId)),
                        Map.of("id", "tag", "type", "TAG", "config", Map.of("tags", List.of("spring-2026"))),
                        Map.of("id", "tagged", "type", "TAG_JUDGMENT", "config", Map.of("conditions", List.of(
                                Map.of("tag", "spring-2026", "operator", "HAS_TAG")))),
                        Map.of("id", "keep", "type", "GENERATE_AUDIENCE", "config", Map.of("name", "Spring 2026"))),
                "edges", List.of(
                        Map.of("from", "audience", "to", "tag"),
                        Map.of("from", "tag", "to", "tagged"),
                        Map.of("from", "tagged", "to", "keep", "branch", "yes"))));
        String campaignId = (String) http.postForEntity(BASE + "/campaigns", body, Map.class).getBody().get("id");

        http.postForEntity(BASE + "/campaigns/" + campaignId + "/publish", null, Map.class);
        ExecutionFinished finished = RunEnds.ofCampaign(events, campaignId);

        assertThat(finished.status()).isEqualTo(ExecutionStatus.COMPLETED);
        Map<String, Map<UserResult, Long>> results = resultsByComponent(finished.executionId());
        assertThat(results.get("tagged")).containsOnly(Map.entry(UserResult.PASSED, (long) USERS));
        String generatedId = GenerateAudienceExecutor.audienceIdOf(finished.executionId(), "keep");
        AudienceImported generated = (AudienceImported) events.readEvents(generatedId).next().getPayload();
        assertThat(generated.size()).isEqualTo(USERS);
        assertThat(generated.origin()).startsWith("GENERATED:");
        assertThat(audiences.chunk(audienceId, 0).get(0).tags()).contains("spring-2026", "vip");
        assertThat(audiences.chunk(generatedId, 0).get(0).tags()).contains("spring-2026");
    }

    @Test
    void runsAgainAnExecutionWhoseAudienceCouldNotBeLoaded() throws Exception {
        String campaignId = createCampaign("late-audience");
        http.postForEntity(BASE + "/campaigns/" + campaignId + "/publish", null, Map.class);
        ExecutionFinished failed = RunEnds.ofCampaign(events, campaignId);
        audiences.begin("late-audience", "acme", "late", Instant.now());
        audiences.writeChunk("late-audience", 0, List.of(new AudienceMember("u1", Map.of("newbie", "1"), Set.of())));
        audiences.complete("late-audience", 1, 1);

        ResponseEntity<Map> again = http.postForEntity(BASE + "/executions/" + failed.executionId() + "/re-execute",
                null, Map.class);
        ResponseEntity<Map> twice = http.postForEntity(BASE + "/executions/" + failed.executionId() + "/re-execute",
                null, Map.class);

        assertThat(failed.status()).isEqualTo(ExecutionStatus.ABNORMAL_END);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(twice.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        String newExecutionId = (String) again.getBody().get("id");
        assertThat(awaitEvent(newExecutionId, ExecutionFinished.class).status()).isEqualTo(ExecutionStatus.COMPLETED);
    }

    @Test
    void savesTheUsersWithChosenResultsAsAnAudienceAndRecordsTheOperation() throws Exception {
        String campaignId = createCampaign(uploadAudience());
        http.postForEntity(BASE + "/campaigns/" + campaignId + "/publish", null, Map.class);
        String executionId = RunEnds.ofCampaign(events, campaignId).executionId();

        ResponseEntity<Map> accepted = http.postForEntity(BASE + "/executions/" + executionId
                + "/components/mail/audiences", Map.of("name", "Mailed", "results", List.of("SUCCESS")), Map.class);
        ResponseEntity<Map> refused = http.postForEntity(BASE + "/executions/" + executionId
                + "/components/mail/audiences", Map.of("name", "Bad", "results", List.of("MAYBE")), Map.class);
        ResponseEntity<Map> ghost = http.postForEntity(BASE + "/executions/" + executionId
                + "/components/ghost/audiences", Map.of("name", "Ghost", "results", List.of("SUCCESS")), Map.class);
        ResponseEntity<Map> unknown = http.postForEntity(BASE + "/executions/no-such-run/components/mail/audiences",
                Map.of("name", "None", "results", List.of("SUCCESS")), Map.class);

        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(ghost.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(ghost.getBody()).containsEntry("code", "NOT_FOUND");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        AudienceExportCompleted done = awaitEvent((String) accepted.getBody().get("id"),
                AudienceExportCompleted.class);
        long mailed = IntStream.rangeClosed(1, USERS).filter(n -> !isNewbie(n)).count();
        assertThat(done.size()).isEqualTo(mailed);
        assertThat(audiences.chunk(done.audienceId(), 0).get(0).attributes()).containsKey("email");
    }

    private <T> T awaitEvent(String aggregateId, Class<T> type) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            var found = events.readEvents(aggregateId).asStream()
                    .map(EventMessage::getPayload)
                    .filter(type::isInstance)
                    .map(type::cast)
                    .findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + type.getSimpleName() + " for " + aggregateId);
    }

    @Test
    void judgesOnAnEarlierSendsResultAndSplitsAnAbTest() throws Exception {
        List<Map<String, Object>> users = IntStream.rangeClosed(1, 400)
                .mapToObj(n -> Map.<String, Object>of("userId", "r" + n, "attributes", n % 4 == 0 ? Map.of()
                        : Map.of("email", "r" + n + "@example.test")))
                .toList();
        String audienceId = (String) http.postForEntity(BASE + "/audiences", Map.of("name", "mixed", "users", users),
                Map.class).getBody().get("id");
        Map<String, Object> body = Map.of("name", "Judge results", "flow", Map.of(
                "components", List.of(
                        Map.of("id", "audience", "type", "TARGET_AUDIENCE", "config", Map.of("audienceId", audienceId)),
                        Map.of("id", "mail", "type", "EMAIL", "config", Map.of("subject", "Hi", "template", "Hello")),
                        Map.of("id", "delivered", "type", "RESULT_JUDGMENT", "config", Map.of("componentId", "mail",
                                "results", List.of("SUCCESS"))),
                        Map.of("id", "ab", "type", "AB_TEST", "config", Map.of("groups", List.of(
                                Map.of("name", "A", "percent", 50), Map.of("name", "B", "percent", 50)),
                                "goal", Map.of("eventType", "purchase", "windowHours", 24))),
                        Map.of("id", "keepA", "type", "GENERATE_AUDIENCE", "config", Map.of("name", "A")),
                        Map.of("id", "keepB", "type", "GENERATE_AUDIENCE", "config", Map.of("name", "B"))),
                "edges", List.of(
                        Map.of("from", "audience", "to", "mail"),
                        Map.of("from", "mail", "to", "delivered"),
                        Map.of("from", "delivered", "to", "ab", "branch", "yes"),
                        Map.of("from", "ab", "to", "keepA", "branch", "A"),
                        Map.of("from", "ab", "to", "keepB", "branch", "B"))));
        String campaignId = (String) http.postForEntity(BASE + "/campaigns", body, Map.class).getBody().get("id");

        http.postForEntity(BASE + "/campaigns/" + campaignId + "/publish", null, Map.class);
        ExecutionFinished finished = RunEnds.ofCampaign(events, campaignId);

        assertThat(finished.status()).isEqualTo(ExecutionStatus.COMPLETED);
        Map<String, Map<UserResult, Long>> results = resultsByComponent(finished.executionId());
        assertThat(results.get("mail")).containsEntry(UserResult.SUCCESS, 300L).containsEntry(UserResult.SKIPPED,
                100L);
        assertThat(results.get("delivered")).containsEntry(UserResult.PASSED, 300L)
                .containsEntry(UserResult.NOT_PASSED, 100L);
        assertThat(results.get("ab").get(UserResult.PASSED)).isEqualTo(300L);
        assertThat(results.get("keepA").get(UserResult.PASSED) + results.get("keepB").get(UserResult.PASSED))
                .isEqualTo(300L);
    }

    private static long mailsOf(String executionId) throws Exception {
        long count = 0;
        for (var message : SMTP.getReceivedMessages()) {
            String[] header = message.getHeader("X-Automark-Execution");
            count += header != null && header[0].equals(executionId) ? 1 : 0;
        }
        return count;
    }

    private static boolean isNewbie(int userNumber) {
        return userNumber % 3 == 0;
    }

    private String uploadAudience() {
        String csv = "user_id,newbie,email,tags\n" + IntStream.rangeClosed(1, USERS)
                .mapToObj(n -> n + "," + (isNewbie(n) ? 1 : 0) + ",user" + n + "@example.test,vip;new")
                .collect(Collectors.joining("\n"));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));

        ResponseEntity<Map> created = http.postForEntity(BASE + "/audiences?name=test", new HttpEntity<>(csv,
                headers), Map.class);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody()).containsEntry("size", USERS);
        return (String) created.getBody().get("id");
    }

    private String createCampaign(String audienceId) {
        Map<String, Object> body = Map.of("name", "Run test", "flow", Map.of(
                "components", List.of(
                        Map.of("id", "audience", "type", "TARGET_AUDIENCE", "config", Map.of("audienceId", audienceId)),
                        Map.of("id", "newbie", "type", "TAG_JUDGMENT", "config", Map.of("conditions", List.of(
                                Map.of("attribute", "newbie", "operator", "EQ", "value", "1")))),
                        Map.of("id", "hook", "type", "WEBHOOK", "config", Map.of("url", RECEIVER.url())),
                        Map.of("id", "mail", "type", "EMAIL", "config", Map.of("subject", "Hi {{userId}}",
                                "template", "Hello"))),
                "edges", List.of(
                        Map.of("from", "audience", "to", "newbie"),
                        Map.of("from", "newbie", "to", "hook", "branch", "yes"),
                        Map.of("from", "newbie", "to", "mail", "branch", "no"))));

        ResponseEntity<Map> created = http.postForEntity(BASE + "/campaigns", body, Map.class);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return (String) created.getBody().get("id");
    }

    private Map<String, Map<UserResult, Long>> resultsByComponent(String executionId) {
        return events.readEvents(executionId).asStream()
                .map(EventMessage::getPayload)
                .filter(ExecutionBatchRecorded.class::isInstance)
                .map(ExecutionBatchRecorded.class::cast)
                .flatMap(batch -> batch.components().stream())
                .collect(Collectors.groupingBy(ComponentOutcomes::componentId, Collectors.flatMapping(
                        outcomes -> outcomes.outcomes().stream(),
                        Collectors.groupingBy(UserOutcome::result, Collectors.counting()))));
    }
}
