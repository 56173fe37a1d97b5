package io.automark.ops.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.automark.ops.demo.ApiException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The queries a benchmark reads to see whether the read models caught up, beyond those of the demo's client: the
 * execution without failing while it is unknown, the audience list, and the user details of a component.
 */
final class ReadModels {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private final ObjectMapper json = new ObjectMapper();

    private final String base;

    ReadModels(String serviceUrl, String workspace) {
        this.base = serviceUrl + "/api/v1/workspaces/" + workspace;
    }

    /** The execution as the query side has it; empty until its read model knows it. */
    Optional<JsonNode> execution(String executionId) {
        return find("/executions/" + executionId);
    }

    JsonNode campaign(String campaignId) {
        return find("/campaigns/" + campaignId).orElseThrow(() -> new IllegalStateException(
                "the campaign read model does not know campaign " + campaignId));
    }

    /** The workspace's audiences, newest first. */
    JsonNode audiences() {
        return find("/audiences").orElseThrow(() -> new IllegalStateException("GET " + base + "/audiences: 404"));
    }

    /** How many users the user details hold for one component of an execution; 0 while none. */
    long usersAt(String executionId, String componentId) {
        String path = "/executions/" + executionId + "/components/" + encode(componentId) + "/users?size=1";
        return find(path).map(page -> page.path("total").asLong()).orElse(0L);
    }

    private Optional<JsonNode> find(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(TIMEOUT)
                .header("Accept", "application/json")
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, BodyHandlers.ofString());

            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                throw new ApiException("GET " + request.uri(), response.statusCode(), response.body());
            }
            return Optional.of(json.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + request.uri(), e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
