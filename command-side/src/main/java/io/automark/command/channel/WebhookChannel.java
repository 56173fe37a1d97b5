package io.automark.command.channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.automark.command.audience.AudienceMember;
import io.automark.events.campaign.ComponentType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * Posts a JSON document per user to an HTTP endpoint. Configuration: {@code url}, and {@code timeoutMs} (default
 * from {@code automark.webhook.default-timeout}). A 2xx answer is a success; anything else, a time-out or a refused
 * connection is a failure. Requests of a batch run concurrently, up to {@code automark.webhook.max-concurrency}.
 */
@Component
public class WebhookChannel implements Channel {

    private final HttpClient client;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration defaultTimeout;
    private final int maxConcurrency;

    public WebhookChannel(ObjectMapper json, Clock clock,
                          @Value("${automark.webhook.default-timeout:5s}") Duration defaultTimeout,
                          @Value("${automark.webhook.max-concurrency:64}") int maxConcurrency) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        this.json = json;
        this.clock = clock;
        this.defaultTimeout = defaultTimeout;
        this.maxConcurrency = maxConcurrency;
    }

    @Override
    public Set<ComponentType> types() {
        return Set.of(ComponentType.WEBHOOK);
    }

    @Override
    public List<SendResult> send(SendBatch batch) {
        Semaphore permits = new Semaphore(maxConcurrency);
        List<CompletableFuture<SendResult>> pending = new ArrayList<>(batch.recipients().size());
        for (AudienceMember recipient : batch.recipients()) {
            permits.acquireUninterruptibly();
            pending.add(post(batch, recipient).whenComplete((result, error) -> permits.release()));
        }
        return pending.stream()
                .map(CompletableFuture::join)
                .toList();
    }

    private CompletableFuture<SendResult> post(SendBatch batch, AudienceMember recipient) {
        HttpRequest request = HttpRequest.newBuilder(URI.create((String) batch.component().config().get("url")))
                .timeout(timeoutOf(batch))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", batch.idempotencyKey(recipient))
                .header(EmailChannel.EXECUTION_HEADER, batch.context().executionId())
                .POST(HttpRequest.BodyPublishers.ofString(bodyOf(batch, recipient)))
                .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, error) -> error == null ? resultOf(response) : resultOf(error));
    }

    private String bodyOf(SendBatch batch, AudienceMember recipient) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("executionId", batch.context().executionId());
        body.put("campaignId", batch.context().campaignId());
        body.put("componentId", batch.component().id());
        body.put("userId", recipient.userId());
        body.put("sentAt", clock.instant().toString());
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serializes", e);
        }
    }

    private Duration timeoutOf(SendBatch batch) {
        Object timeout = batch.component().config().get("timeoutMs");
        return timeout instanceof Number ms ? Duration.ofMillis(ms.longValue()) : defaultTimeout;
    }

    private static SendResult resultOf(HttpResponse<Void> response) {
        int status = response.statusCode();
        return status >= 200 && status < 300 ? SendResult.success() : SendResult.failed("HTTP " + status);
    }

    private static SendResult resultOf(Throwable error) {
        Throwable cause = error.getCause() != null ? error.getCause() : error;
        if (cause instanceof HttpTimeoutException) {
            return SendResult.failed("TIMEOUT");
        }
        if (cause instanceof ConnectException) {
            return SendResult.unreachable("CONNECTION_REFUSED");
        }
        if (cause instanceof IOException) {
            return SendResult.unreachable("IO: " + cause.getMessage());
        }
        return SendResult.failed(cause.getClass().getSimpleName());
    }
}
