package io.automark.ops.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The demo's client of Automark's public HTTP API: commands go to the command side's URL, queries to the query
 * side's (the same URL on the local stack).
 */
public class AutomarkClient {

    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final ObjectMapper json = new ObjectMapper();

    private final String commandUrl;

    private final String queryUrl;

    private final String workspace;

    public AutomarkClient(String commandUrl, String queryUrl, String workspace) {
        this.commandUrl = trimSlash(commandUrl);
        this.queryUrl = trimSlash(queryUrl);
        this.workspace = workspace;
    }

    public ObjectMapper json() {
        return json;
    }

    /** Uploads an audience as CSV, streamed: the body is read from the supplier while it is sent. */
    public JsonNode importAudienceCsv(String name, Supplier<InputStream> csv) {
        HttpRequest request = commandRequest("/audiences?name=" + encode(name))
                .header("Content-Type", "text/csv")
                .POST(BodyPublishers.ofInputStream(csv))
                .build();
        return send(request, 201);
    }

    public JsonNode createCampaign(JsonNode campaign) {
        HttpRequest request = commandRequest("/campaigns")
                .header("Content-Type", "application/json")
                .POST(jsonBody(campaign))
                .build();
        return send(request, 201);
    }

    public JsonNode publish(String campaignId) {
        HttpRequest request = commandRequest("/campaigns/" + campaignId + "/publish")
                .POST(BodyPublishers.noBody())
                .build();
        return send(request, 200);
    }

    public JsonNode stopExecution(String executionId) {
        HttpRequest request = commandRequest("/executions/" + executionId + "/stop")
                .POST(BodyPublishers.noBody())
                .build();
        return send(request, 200);
    }

    /** The campaign as the read model has it now. */
    public JsonNode campaign(String campaignId) {
        return get(queryUrl + base() + "/campaigns/" + campaignId);
    }

    /** The campaign as the read model has it once it reached at least {@code minVersion}. */
    public JsonNode campaign(String campaignId, long minVersion) {
        return get(queryUrl + base() + "/campaigns/" + campaignId + "?minVersion=" + minVersion);
    }

    public JsonNode execution(String executionId) {
        return get(queryUrl + base() + "/executions/" + executionId);
    }

    public JsonNode statusCounts() {
        return get(queryUrl + base() + "/campaigns/status-counts");
    }

    public JsonNode route(String executionId, String userId) {
        return get(queryUrl + base() + "/executions/" + executionId + "/users/" + encode(userId) + "/route");
    }

    /** How many mails the local stack's SMTP sink received for an execution; empty when it has no sink. */
    public Optional<Long> mailReceived(String executionId) {
        try {
            JsonNode count = get(commandUrl + "/ops/mail/received?executionId=" + encode(executionId));
            return Optional.of(count.path("received").asLong());
        } catch (ApiException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The heap in use on the command side's JVM, in bytes, from its actuator. */
    public Optional<Double> heapUsed() {
        try {
            JsonNode metric = get(commandUrl + "/actuator/metrics/jvm.memory.used?tag=area:heap");
            return Optional.of(metric.path("measurements").path(0).path("value").asDouble());
        } catch (ApiException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** The live threads of the command side's JVM, from its actuator. */
    public Optional<Long> liveThreads() {
        try {
            JsonNode metric = get(commandUrl + "/actuator/metrics/jvm.threads.live");
            return Optional.of(metric.path("measurements").path(0).path("value").asLong());
        } catch (ApiException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** Whether something answers on the command side's URL at all. */
    public boolean answers() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(commandUrl + "/actuator/health"))
                .timeout(Duration.ofSeconds(3))
                .GET()
                .build();
        try {
            http.send(request, BodyHandlers.discarding());
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private JsonNode get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build(), 200);
    }

    private HttpRequest.Builder commandRequest(String path) {
        return HttpRequest.newBuilder(URI.create(commandUrl + base() + path))
                .timeout(TIMEOUT);
    }

    private BodyPublisher jsonBody(JsonNode body) {
        try {
            return BodyPublishers.ofByteArray(json.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode send(HttpRequest request, int expectedStatus) {
        HttpRequest withAccept = HttpRequest.newBuilder(request, (name, value) -> true)
                .header("Accept", "application/json")
                .build();
        try {
            HttpResponse<String> response = http.send(withAccept, BodyHandlers.ofString());

            if (response.statusCode() != expectedStatus) {
                throw new ApiException(request.method() + " " + request.uri(), response.statusCode(),
                        response.body());
            }
            return response.body().isBlank() ? json.createObjectNode() : json.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling " + request.uri(), e);
        }
    }

    private String base() {
        return "/api/v1/workspaces/" + workspace;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
