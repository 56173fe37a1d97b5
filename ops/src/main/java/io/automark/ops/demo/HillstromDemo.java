package io.automark.ops.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.automark.ops.webhook.WebhookReceiver;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The main job: imports the Hillstrom audience, publishes the demo campaign over it, follows its execution to the
 * end and checks every figure against the file, the mail sink and the webhook receiver. It talks to Automark
 * through the public API only.
 */
public class HillstromDemo {

    private static final Duration POLL = Duration.ofMillis(500);

    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration ROUTE_TIMEOUT = Duration.ofSeconds(60);

    private final AutomarkClient client;

    private final WebhookReceiver receiver;

    private final Duration timeout;

    private final PrintStream progress;

    /**
     * @param receiver the webhook endpoint the campaign calls
     * @param timeout  how long the execution may run before the demo gives up
     * @param progress where progress lines go
     */
    public HillstromDemo(AutomarkClient client, WebhookReceiver receiver, Duration timeout, PrintStream progress) {
        this.client = client;
        this.receiver = receiver;
        this.timeout = timeout;
        this.progress = progress;
    }

    /** Runs the demo over the first {@code rows} customers and reports what it found. */
    public DemoResult run(String workspace, int rows) {
        HillstromAudience audience = new HillstromAudience(rows);

        try (HeapSampler heap = HeapSampler.start(client, POLL.toMillis())) {
            long importStart = System.nanoTime();
            JsonNode imported = importAudience(audience);
            Duration importTime = since(importStart);

            long publishStart = System.nanoTime();
            Published published = publishCampaign(workspace, imported.path("id").asText());
            JsonNode execution = awaitEnd(published.executionId(), rows);
            Duration flowTime = since(publishStart);
            awaitCampaignSettled(published.campaignId());

            return new DemoResult(workspace, imported.path("id").asText(), published.campaignId(),
                    published.executionId(), rows, execution, client.statusCounts(),
                    routes(published.executionId(), audience), check(audience, imported, execution), importTime,
                    flowTime, heap.peakBytes());
        }
    }

    private JsonNode importAudience(HillstromAudience audience) {
        long start = System.nanoTime();

        JsonNode imported = client.importAudienceCsv("hillstrom", audience::openCsv);

        progress.printf("Imported audience %s: %,d users in %.1f s%n", imported.path("id").asText(),
                imported.path("size").asLong(), seconds(since(start)));
        return imported;
    }

    private Published publishCampaign(String workspace, String audienceId) {
        JsonNode body = DemoCampaign.body(client.json(), "Hillstrom newbies " + workspace, audienceId,
                receiver.url());
        String campaignId = client.createCampaign(body).path("id").asText();

        JsonNode published = client.publish(campaignId);
        String executionId = awaitExecutionId(campaignId, published.path("version").asLong(1));

        progress.printf("Published campaign %s; execution %s%n", campaignId, executionId);
        return new Published(campaignId, executionId);
    }

    private String awaitExecutionId(String campaignId, long version) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();

        while (System.nanoTime() < deadline) {
            JsonNode last = client.campaign(campaignId, version).path("lastExecution");
            if (last.hasNonNull("id")) {
                return last.path("id").asText();
            }
            pause();
        }

        throw new IllegalStateException("campaign " + campaignId + " shows no execution 60 s after its publish");
    }

    private JsonNode awaitEnd(String executionId, int rows) {
        long start = System.nanoTime();
        long nextReport = start;

        JsonNode execution = readExecution(executionId);
        while (!hasEnded(execution)) {
            if (since(start).compareTo(timeout) > 0) {
                throw new IllegalStateException("execution " + executionId + " still " + status(execution)
                        + " after " + timeout.toSeconds() + " s");
            }
            if (System.nanoTime() - nextReport >= 0) {
                progress.printf("  %s: %,d of %,d users processed (%.1f s)%n", status(execution),
                        execution.path("processedUsers").asLong(), rows, seconds(since(start)));
                nextReport = System.nanoTime() + PROGRESS_EVERY.toNanos();
            }
            pause();
            execution = readExecution(executionId);
        }

        progress.printf("Execution %s ended %s after %.1f s%n", executionId, status(execution),
                seconds(since(start)));
        return execution;
    }

    /**
     * Gives the campaign's read model a moment to follow its execution out of IN_PROGRESS, so that the status
     * counts read next show the run's end; they are shown, not checked, so the demo goes on after the wait.
     */
    private void awaitCampaignSettled(String campaignId) {
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();

        while ("IN_PROGRESS".equals(status(client.campaign(campaignId))) && System.nanoTime() < deadline) {
            pause();
        }
    }

    /**
     * A user's route once the per-user read model holds it: that model is a processing group of its own, which may
     * still be working through the run's last batches when the execution's model shows the run's end.
     */
    private JsonNode routeOf(String executionId, String userId) {
        long deadline = System.nanoTime() + ROUTE_TIMEOUT.toNanos();
        while (true) {
            try {
                return client.route(executionId, userId);
            } catch (ApiException e) {
                if (e.status() != 404 || System.nanoTime() - deadline > 0) {
                    throw e;
                }
            }
            pause();
        }
    }

    /** The execution as the query side has it; a missing node until its read model knows it. */
    private JsonNode readExecution(String executionId) {
        try {
            return client.execution(executionId);
        } catch (ApiException e) {
            if (e.status() == 404) {
                return MissingNode.getInstance();
            }
            throw e;
        }
    }

    private static boolean hasEnded(JsonNode execution) {
        return execution.hasNonNull("status") && !"IN_PROGRESS".equals(status(execution));
    }

    private static String status(JsonNode execution) {
        return execution.path("status").asText("PENDING");
    }

    private List<FigureCheck> check(HillstromAudience audience, JsonNode imported, JsonNode execution) {
        String executionId = execution.path("id").asText();
        long newbies = audience.newbieIds().size();
        Long mailReceived = client.mailReceived(executionId).orElse(null);

        List<FigureCheck> checks = new ArrayList<>();
        checks.add(new FigureCheck("audience size", (long) audience.rows(), imported.path("size").asLong()));
        checks.addAll(FlowChecks.of(new ExecutionFigures(execution), audience.rows(), newbies, mailReceived,
                receiver.received(executionId)));
        return checks;
    }

    /** The routes of the first customer who is not new and of the first new ones until an e-mail and a webhook. */
    private Map<String, JsonNode> routes(String executionId, HillstromAudience audience) {
        Map<String, JsonNode> routes = new LinkedHashMap<>();
        List<String> newbies = audience.newbieIds();

        firstNotNew(audience.rows(), newbies).ifPresent(id -> routes.put(id, routeOf(executionId, id)));
        boolean sawMail = false;
        boolean sawHook = false;
        for (String id : newbies.subList(0, Math.min(20, newbies.size()))) {
            JsonNode route = routeOf(executionId, id);
            boolean mail = Routes.reaches(route, DemoCampaign.EMAIL);
            if ((mail && !sawMail) || (!mail && !sawHook)) {
                routes.put(id, route);
                sawMail |= mail;
                sawHook |= !mail;
            }
            if (sawMail && sawHook) {
                break;
            }
        }
        return routes;
    }

    private static Optional<String> firstNotNew(int rows, List<String> newbies) {
        for (int id = 1; id <= rows; id++) {
            if (!newbies.contains(String.valueOf(id))) {
                return Optional.of(String.valueOf(id));
            }
        }
        return Optional.empty();
    }

    private static Duration since(long nanoTime) {
        return Duration.ofNanos(System.nanoTime() - nanoTime);
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the execution", e);
        }
    }

    /** The campaign the demo published and the execution its publish started. */
    private record Published(String campaignId, String executionId) {
    }
}
