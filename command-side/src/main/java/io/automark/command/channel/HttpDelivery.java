package io.automark.command.channel;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Posts requests of an HTTP channel: concurrently up to a limit, each retried with exponential back-off after a 5xx
 * answer or a connection error, and turned into a {@link SendResult}. Retries wait on a scheduler, so no thread
 * sleeps while a send backs off.
 *
 * <p>Each request is sent with the client's blocking {@code send} on one of {@code max-concurrency} sender threads,
 * not with {@code sendAsync}: {@code sendAsync} hands every answer on through {@code CompletableFuture}'s default
 * async executor, which on a machine with fewer than three cores (common pool parallelism 1) starts a new thread
 * per task, one or more per request. The client's own tasks run on its selector thread (a direct executor): they
 * only parse answers whose bodies are discarded, and each hop to another thread cost more than the work.
 */
final class HttpDelivery implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HttpDelivery.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient client;
    private final ExecutorService senders;
    private final Retry retry;
    private final ScheduledExecutorService scheduler;
    private final int maxConcurrency;

    HttpDelivery(String name, RetrySettings settings, int maxConcurrency) {
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException(name + ".max-concurrency must be at least 1");
        }
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .executor(Runnable::run)
                .build();
        this.senders = Executors.newFixedThreadPool(maxConcurrency, daemon(name + "-send"));
        this.retry = Retry.of(name, RetryConfig.<HttpResponse<Void>>custom()
                .maxAttempts(settings.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(settings.initialBackoff(),
                        settings.multiplier(), settings.maxBackoff()))
                .retryOnResult(response -> response.statusCode() >= 500)
                .retryOnException(HttpDelivery::isConnectionError)
                .failAfterMaxAttempts(false)
                .build());
        retry.getEventPublisher().onRetry(event -> log.debug("Retrying a {} send in {} after attempt {} failed: {}",
                name, event.getWaitInterval(), event.getNumberOfRetryAttempts(), causeOf(event.getLastThrowable())));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(daemon(name + "-retry"));
        this.maxConcurrency = maxConcurrency;
    }

    /**
     * Sends one request per item, at most {@code max-concurrency} at a time, and answers the results in the order
     * of the items. {@code send} answers a completed future for an item it does not post.
     */
    <T> List<SendResult> sendAll(List<T> items, Function<T, CompletableFuture<SendResult>> send) {
        Semaphore permits = new Semaphore(maxConcurrency);
        List<CompletableFuture<SendResult>> pending = new ArrayList<>(items.size());
        for (T item : items) {
            permits.acquireUninterruptibly();
            pending.add(send.apply(item).whenComplete((result, error) -> permits.release()));
        }

        return pending.stream()
                .map(CompletableFuture::join)
                .toList();
    }

    /** Posts the request, retrying as configured; the answer never completes exceptionally. */
    CompletableFuture<SendResult> post(HttpRequest request) {
        return Retry.decorateCompletionStage(retry, scheduler, () -> exchange(request))
                .get()
                .toCompletableFuture()
                .handle((response, error) -> error == null ? resultOf(response) : resultOf(error));
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        senders.shutdownNow();
    }

    /** One attempt of the request, on a sender thread. */
    private CompletableFuture<HttpResponse<Void>> exchange(HttpRequest request) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return client.send(request, HttpResponse.BodyHandlers.discarding());
            } catch (IOException e) {
                throw new CompletionException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(e);
            }
        }, senders);
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static SendResult resultOf(HttpResponse<Void> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return SendResult.success();
        }
        // A 5xx left after the retries lies with the peer, not with the user: a transport failure.
        return status >= 500 ? SendResult.unreachable("HTTP " + status) : SendResult.failed("HTTP " + status);
    }

    private static SendResult resultOf(Throwable error) {
        Throwable cause = unwrap(error);
        if (cause instanceof HttpConnectTimeoutException) {
            return SendResult.unreachable("CONNECT_TIMEOUT");
        }
        if (cause instanceof HttpTimeoutException) {
            return SendResult.failed("TIMEOUT");
        }
        if (cause instanceof ConnectException) {
            return SendResult.unreachable("CONNECTION_REFUSED");
        }
        if (cause instanceof IOException) {
            String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            return SendResult.unreachable("IO: " + message.lines().findFirst().orElse(""));
        }
        return SendResult.failed(cause.getClass().getSimpleName());
    }

    /** A request time-out is no connection error: the peer may have taken the request and still be working. */
    static boolean isConnectionError(Throwable error) {
        Throwable cause = unwrap(error);
        boolean requestTimeout = cause instanceof HttpTimeoutException
                && !(cause instanceof HttpConnectTimeoutException);
        return cause instanceof IOException && !requestTimeout;
    }

    private static String causeOf(Throwable error) {
        return error == null ? "a 5xx answer" : unwrap(error).getClass().getSimpleName();
    }

    private static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
