package io.automark.ops.stack;

import com.fasterxml.jackson.databind.JsonNode;
import io.automark.ops.stack.Api.Answer;
import io.automark.ops.webhook.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service is killed with SIGKILL at several points of a run and started again, with the store in a process of
 * its own: the run resumes and ends with figures equal to what the receiver got, nobody skipped, and no send
 * delivered twice once the receiver drops repeated idempotency keys. {@code -Dautomark.crash.runs=10} repeats it.
 */
class KillAndRestartTest {

    private static final int USERS = 4_000;
    private static final double[] KILL_AT = {0.2, 0.5, 0.8};
    private static final Map<String, String> SETTINGS = Map.of(
            "AUTOMARK_AUDIENCE_CHUNK_SIZE", "200",
            "AUTOMARK_EXECUTION_LEASE", "3s",
            "AUTOMARK_EXECUTION_POLL_INTERVAL", "200ms");

    private static ServiceProcess store;
    private static String mongoUri;
    private static WebhookReceiver receiver;

    @BeforeAll
    static void startStoreAndReceiver() throws InterruptedException {
        int port = ServiceProcess.freePort();
        store = ServiceProcess.start(Map.of(), ServiceProcess.logFile("automark-crash-store.log"), "store",
                "--memory", "--port", String.valueOf(port));
        mongoUri = "mongodb://127.0.0.1:" + port + "/crash";
        awaitPort(port);
        receiver = WebhookReceiver.start(0);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (receiver != null) {
            receiver.close();
        }
        if (store != null) {
            store.close();
        }
    }

    @Test
    void aRunKilledAtSeveralPointsResumesAndEveryUserGetsTheSendOnce() throws Exception {
        int runs = Integer.getInteger("automark.crash.runs", 2);
        for (int run = 1; run <= runs; run++) {
            runOnce("crash-" + run + "-" + UUID.randomUUID().toString().substring(0, 6));
        }
    }

    private void runOnce(String workspace) throws Exception {
        int httpPort = ServiceProcess.freePort();
        ServiceProcess service = startService(httpPort);
        JsonNode execution;
        String executionId;
        try {
            Api api = new Api("http://127.0.0.1:" + httpPort, workspace);
            executionId = publishCampaign(api);
            for (double point : KILL_AT) {
                awaitReceived(executionId, (long) (USERS * point));
                service.kill();
                service = startService(httpPort);
            }
            execution = awaitCompleted(api, executionId);
        } finally {
            // A failed run must not leave its service behind.
            service.close();
        }

        JsonNode hook = component(execution, "hook");
        assertThat(receiver.distinct(executionId)).as("users who got the send").isEqualTo(USERS);
        assertThat(hook.path("entered").asLong()).isEqualTo(USERS);
        assertThat(hook.path("succeeded").asLong()).isEqualTo(receiver.distinct(executionId));
        assertThat(hook.path("sent").asLong()).isEqualTo(receiver.distinct(executionId));
        System.out.printf("%s: %d sends, %d calls arrived (%d repeated keys dropped by the receiver)%n",
                workspace, USERS, receiver.received(executionId), receiver.received(executionId) - USERS);
    }

    private static ServiceProcess startService(int httpPort) throws InterruptedException {
        ServiceProcess service = ServiceProcess.start(SETTINGS, ServiceProcess.logFile("automark-crash-stack.log"),
                "stack", "--port", String.valueOf(httpPort), "--mongodb-uri", mongoUri, "--smtp-port",
                String.valueOf(ServiceProcess.freePort()));
        service.awaitReady("http://127.0.0.1:" + httpPort + "/actuator/health", Duration.ofSeconds(90));
        return service;
    }

    private static String publishCampaign(Api api) throws InterruptedException {
        String csv = "user_id\n" + IntStream.rangeClosed(1, USERS).mapToObj(n -> "u" + n)
                .collect(Collectors.joining("\n"));
        String audienceId = api.postCsv("/audiences?name=crash", csv).id();
        Answer created = api.post("/campaigns", Map.of("name", "Crash", "flow", Map.of(
                "components", List.of(
                        Map.of("id", "in", "type", "TARGET_AUDIENCE", "config", Map.of("audienceId", audienceId)),
                        Map.of("id", "hook", "type", "WEBHOOK", "config", Map.of("url", receiver.url()))),
                "edges", List.of(Map.of("from", "in", "to", "hook")))));
        api.post("/campaigns/" + created.id() + "/publish", null);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonNode executions = api.get("/campaigns/" + created.id() + "/executions").body();
        while (!(executions.isArray() && executions.size() > 0) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            executions = api.get("/campaigns/" + created.id() + "/executions").body();
        }
        assertThat(executions.isArray() && executions.size() > 0).as("the published campaign's execution").isTrue();
        return executions.get(0).path("id").asText();
    }

    private static void awaitReceived(String executionId, long calls) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (receiver.received(executionId) < calls && Instant.now().isBefore(deadline)) {
            Thread.sleep(10);
        }
    }

    private static JsonNode awaitCompleted(Api api, String executionId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
        JsonNode execution = api.get("/executions/" + executionId).body();
        while (!"COMPLETED".equals(execution.path("status").asText()) && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            execution = api.get("/executions/" + executionId).body();
        }
        assertThat(execution.path("status").asText()).isEqualTo("COMPLETED");
        return execution;
    }

    private static JsonNode component(JsonNode execution, String componentId) {
        for (JsonNode component : execution.path("components")) {
            if (componentId.equals(component.path("componentId").asText())) {
                return component;
            }
        }
        throw new AssertionError("no component " + componentId + " in " + execution);
    }

    private static void awaitPort(int port) throws InterruptedException {
        for (int attempt = 0; attempt < 200; attempt++) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("the store did not listen on " + port);
    }
}
