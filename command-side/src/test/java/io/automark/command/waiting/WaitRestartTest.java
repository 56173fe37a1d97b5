package io.automark.command.waiting;

import io.automark.command.CommandSideApplication;
import io.automark.command.audience.AudienceMember;
import io.automark.command.audience.AudienceStore;
import io.automark.command.support.EmbeddedStore;
import io.automark.command.support.WebhookReceiver;
import io.automark.events.execution.ExecutionFinished;
import io.automark.events.execution.ExecutionStarted;
import io.automark.events.execution.ExecutionStatus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Users who wait outlive the process that parked them: one command side parks them and shuts down, a second one on
 * the same store takes them on when their time comes, and each user is sent to once.
 */
class WaitRestartTest {

    private static final String BASE = "/api/v1/workspaces/restart";
    private static final int USERS = 600;
    private static final WebhookReceiver RECEIVER = new WebhookReceiver();
    private static final String STORE = EmbeddedStore.uri("wait-restart");

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    @Test
    void waitingUsersGoOnAfterTheServiceThatParkedThemIsGone() throws Exception {
        String executionId;
        try (ConfigurableApplicationContext first = start()) {
            String audienceId = audience(first);
            TestRestTemplate http = http(first);
            String campaignId = (String) http.postForEntity(BASE + "/campaigns", Map.of("name", "Restart",
                    "flow", Map.of("components", List.of(
                                    Map.of("id", "audience", "type", "TARGET_AUDIENCE", "config",
                                            Map.of("audienceId", audienceId)),
                                    Map.of("id", "pause", "type", "WAIT_UNTIL", "config", Map.of("duration", "PT8S")),
                                    Map.of("id", "hook", "type", "WEBHOOK", "config", Map.of("url", RECEIVER.url()))),
                            "edges", List.of(Map.of("from", "audience", "to", "pause"),
                                    Map.of("from", "pause", "to", "hook")))), Map.class).getBody().get("id");
            assertThat(http.postForEntity(BASE + "/campaigns/" + campaignId + "/publish", null, Map.class)
                    .getStatusCode()).isEqualTo(HttpStatus.OK);
            executionId = awaitStarted(first.getBean(EventStore.class), campaignId);
            WaitingUsers waits = first.getBean(WaitingUsers.class);
            await(() -> waits.waiting(executionId) == USERS);
        }
        assertThat(RECEIVER.requests(executionId)).isZero();

        try (ConfigurableApplicationContext second = start()) {
            EventStore events = second.getBean(EventStore.class);
            await(() -> finished(events, executionId).isPresent());

            assertThat(finished(events, executionId).get().status()).isEqualTo(ExecutionStatus.COMPLETED);
            assertThat(RECEIVER.requests(executionId)).isEqualTo(USERS);
            assertThat(RECEIVER.keys()).filteredOn(key -> key.startsWith(executionId)).hasSize(USERS);
        }
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(CommandSideApplication.class)
                .profiles(CommandSideApplication.PROFILE)
                .run("--server.port=0", "--spring.data.mongodb.uri=" + STORE);
    }

    private static TestRestTemplate http(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new TestRestTemplate(new RestTemplateBuilder().rootUri("http://127.0.0.1:" + port));
    }

    private static String audience(ConfigurableApplicationContext context) {
        AudienceStore audiences = context.getBean(AudienceStore.class);
        String audienceId = "waiters-" + System.nanoTime();
        audiences.begin(audienceId, "restart", "waiters", Instant.now());
        audiences.writeChunk(audienceId, 0, IntStream.range(0, USERS)
                .mapToObj(n -> new AudienceMember("r" + n, Map.of(), Set.of()))
                .toList());
        audiences.complete(audienceId, USERS, 1);
        return audienceId;
    }

    private static String awaitStarted(EventStore events, String campaignId) throws InterruptedException {
        String[] found = new String[1];
        await(() -> {
            found[0] = events.openStream(null).asStream()
                    .map(EventMessage::getPayload)
                    .filter(ExecutionStarted.class::isInstance)
                    .map(ExecutionStarted.class::cast)
                    .filter(event -> event.campaignId().equals(campaignId))
                    .map(ExecutionStarted::executionId)
                    .findFirst().orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    private static Optional<ExecutionFinished> finished(EventStore events, String executionId) {
        return events.readEvents(executionId).asStream()
                .map(EventMessage::getPayload)
                .filter(ExecutionFinished.class::isInstance)
                .map(ExecutionFinished.class::cast)
                .findFirst();
    }

    private static void await(BooleanSupplier done) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not there within a minute");
            }
            Thread.sleep(200);
        }
    }
}
