package io.automark.command.channel;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.Message;
import org.apache.hc.core5.http.Method;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.apache.hc.core5.http.nio.entity.AsyncEntityProducers;
import org.apache.hc.core5.http.nio.entity.DiscardingEntityConsumer;
import org.apache.hc.core5.http.nio.support.BasicRequestProducer;
import org.apache.hc.core5.http.nio.support.BasicResponseConsumer;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
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
 * <p>The client is Apache HttpClient 5's non-blocking one: one I/O thread serves a pool of up to
 * {@code max-concurrency} kept-alive connections, and answers complete on that thread without a hop to another.
 * The limit holds for the whole channel, whatever number of batches send at once: a request waits for a free
 * permit before it goes out. The JDK's client took two to three times the CPU per request (96 against 35 to 43 us
 * over 200,000 posts to the benchmark's receiver), most of it in handing each exchange between its selector thread
 * and the thread that waited for it.
 */
public final class HttpDelivery implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HttpDelivery.class);
    private static final TimeValue SELECT_INTERVAL = TimeValue.ofMilliseconds(50);
    private static final Timeout CONNECT_TIMEOUT = Timeout.ofSeconds(5);

    private final CloseableHttpAsyncClient client;
    private final Semaphore permits;
    private final Retry retry;
    private final ScheduledExecutorService scheduler;

    /**
     * Starts a client with its own I/O thread and retry scheduler; {@link #close()} stops both.
     *
     * @param name names the threads and the log lines
     * @throws IllegalArgumentException when {@code maxConcurrency} is below 1
     */
    public HttpDelivery(String name, RetrySettings settings, int maxConcurrency) {
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException(name + ".max-concurrency must be at least 1");
        }
        this.client = client(name, maxConcurrency);
        this.permits = new Semaphore(maxConcurrency);
        this.retry = Retry.of(name, RetryConfig.<Integer>custom()
                .maxAttempts(settings.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(settings.initialBackoff(),
                        settings.multiplier(), settings.maxBackoff()))
                .retryOnResult(status -> status >= 500)
                .retryOnException(HttpDelivery::isConnectionError)
                .failAfterMaxAttempts(false)
                .build());
        retry.getEventPublisher().onRetry(event -> log.debug("Retrying a {} send in {} after attempt {} failed: {}",
                name, event.getWaitInterval(), event.getNumberOfRetryAttempts(), causeOf(event.getLastThrowable())));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(daemon(name + "-retry"));
        client.start();
    }

    /**
     * Sends one request per item, at most {@code max-concurrency} at a time across the channel, and answers the
     * results in the order of the items. {@code send} answers a completed future for an item it does not post.
     */
    public <T> List<SendResult> sendAll(List<T> items, Function<T, CompletableFuture<SendResult>> send) {
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
    public CompletableFuture<SendResult> post(PostRequest request) {
        return Retry.decorateCompletionStage(retry, scheduler, () -> exchange(request))
                .get()
                .toCompletableFuture()
                .handle((status, error) -> error == null ? resultOf(status) : resultOf(error));
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        // An immediate close races the I/O thread over its selected keys; a graceful one lets that thread end.
        client.close(CloseMode.GRACEFUL);
    }

    /** One attempt of the request: its answer's status code, the body read and dropped. */
    private CompletableFuture<Integer> exchange(PostRequest request) {
        BasicHttpRequest head = new BasicHttpRequest(Method.POST, request.url());
        request.headers().forEach(header -> head.addHeader(header.getKey(), header.getValue()));
        HttpClientContext context = HttpClientContext.create();
        context.setRequestConfig(RequestConfig.custom()
                .setResponseTimeout(Timeout.of(request.timeout()))
                .build());

        CompletableFuture<Integer> status = new CompletableFuture<>();
        client.execute(new BasicRequestProducer(head, AsyncEntityProducers.create(request.body(), null)),
                new BasicResponseConsumer<>(new DiscardingEntityConsumer<>()), context,
                new FutureCallback<Message<HttpResponse, Void>>() {
                    @Override
                    public void completed(Message<HttpResponse, Void> answer) {
                        status.complete(answer.getHead().getCode());
                    }

                    @Override
                    public void failed(Exception error) {
                        status.completeExceptionally(error);
                    }

                    @Override
                    public void cancelled() {
                        // Only a client closing while requests are out cancels them.
                        status.cancel(false);
                    }
                });
        return status;
    }

    /**
     * Redirects are not followed and nothing is retried by the client itself: the retries are this class's, with
     * their back-off and their rules.
     */
    private static CloseableHttpAsyncClient client(String name, int maxConcurrency) {
        return HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(maxConcurrency)
                        .setMaxConnPerRoute(maxConcurrency)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(CONNECT_TIMEOUT)
                                .build())
                        .build())
                // The reactor checks time-outs once per select interval, by default a second: a 150 ms time-out
                // would fire after up to a second, so a peer answering within that second still counted as on time.
                .setIOReactorConfig(IOReactorConfig.custom()
                        .setIoThreadCount(1)
                        .setSelectInterval(SELECT_INTERVAL)
                        .build())
                .setThreadFactory(daemon(name + "-http"))
                .setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static SendResult resultOf(int status) {
        if (status >= 200 && status < 300) {
            return SendResult.success();
        }
        // A 5xx left after the retries lies with the peer, not with the user: a transport failure.
        return status >= 500 ? SendResult.unreachable("HTTP " + status) : SendResult.failed("HTTP " + status);
    }

    private static SendResult resultOf(Throwable error) {
        Throwable cause = unwrap(error);
        if (cause instanceof ConnectTimeoutException) {
            return SendResult.unreachable("CONNECT_TIMEOUT");
        }
        if (isRequestTimeout(cause)) {
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
        return cause instanceof IOException && !isRequestTimeout(cause);
    }

    /** The peer kept the answer waiting past the time-out; a connect time-out is the connection's, not this. */
    private static boolean isRequestTimeout(Throwable cause) {
        return cause instanceof InterruptedIOException && !(cause instanceof ConnectTimeoutException);
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
