package io.automark.ops.webhook;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookReceiverTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void answersOkAndCountsTheCallsOfEachExecution() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start(0)) {

            int status = post(receiver, "e-1", "k-1");
            post(receiver, "e-1", "k-2");
            post(receiver, "e-2", "k-3");

            assertThat(status).isEqualTo(200);
            assertThat(receiver.received("e-1")).isEqualTo(2);
            assertThat(receiver.received("e-2")).isEqualTo(1);
            assertThat(receiver.repeated()).isZero();
        }
    }

    @Test
    void tellsARepeatedIdempotencyKey() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start(0)) {

            post(receiver, "e-1", "k-1");
            post(receiver, "e-1", "k-1");

            assertThat(receiver.received("e-1")).isEqualTo(2);
            assertThat(receiver.repeated()).isEqualTo(1);
        }
    }

    private int post(WebhookReceiver receiver, String executionId, String key) throws IOException,
            InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(receiver.url()))
                .header("Content-Type", "application/json")
                .header(WebhookReceiver.EXECUTION_HEADER, executionId)
                .header(WebhookReceiver.IDEMPOTENCY_HEADER, key)
                .POST(HttpRequest.BodyPublishers.ofString("{\"executionId\":\"" + executionId + "\"}"))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
