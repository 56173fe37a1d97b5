package io.automark.ops.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/** A small client for black-box tests: sends JSON to the API of a running stack and reads JSON back. */
final class Api {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final String base;

    Api(String baseUrl, String workspace) {
        this.base = baseUrl + "/api/v1/workspaces/" + workspace;
    }

    Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    Answer post(String path, Object body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body))));
    }

    Answer postCsv(String path, String csv) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)));
    }

    Answer put(String path, Object body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(write(body))));
    }

    Answer delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    /** The id of the campaign's first execution, once it has one; fails the test after 20 s. */
    String awaitExecution(String campaignId) throws InterruptedException {
        for (int attempt = 0; attempt < 200; attempt++) {
            JsonNode executions = get("/campaigns/" + campaignId + "/executions").body();
            if (executions.isArray() && !executions.isEmpty()) {
                return executions.get(0).path("id").asText();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("campaign " + campaignId + " did not start");
    }

    /** The execution as the query side shows it, once {@code done} holds for it; fails the test after a minute. */
    JsonNode awaitExecution(String executionId, Predicate<JsonNode> done) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            last = get("/executions/" + executionId).body();
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the execution did not get there; last seen: " + last);
    }

    /** One component's figures in an execution document. */
    static JsonNode component(JsonNode execution, String componentId) {
        for (JsonNode component : execution.path("components")) {
            if (component.path("componentId").asText().equals(componentId)) {
                return component;
            }
        }
        throw new AssertionError("no component " + componentId + " in " + execution);
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Answer(response.statusCode(), body.isBlank() ? json.nullNode() : json.readTree(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String write(Object body) {
        try {
            return body == null ? "" : json.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A status and a JSON body. */
    record Answer(int status, JsonNode body) {

        String id() {
            return body.path("id").asText();
        }

        long version() {
            return body.path("version").asLong();
        }
    }
}
