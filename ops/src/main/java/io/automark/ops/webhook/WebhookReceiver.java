package io.automark.ops.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local HTTP endpoint that answers 200 to every POST and counts it under its {@code X-Automark-Execution}
 * header: the far end of the demo's WEBHOOK component, so that the demo can check that each call arrived.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** The header by which the command side's webhook channel names the execution that called. */
    public static final String EXECUTION_HEADER = "X-Automark-Execution";

    /** The header that makes a repeated call recognisable. */
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

    private static final Logger log = LoggerFactory.getLogger(WebhookReceiver.class);

    private static final String PATH = "/hooks/automark";

    private final Map<String, AtomicLong> received = new ConcurrentHashMap<>();

    private final Set<String> keys = ConcurrentHashMap.newKeySet();

    private final AtomicLong repeated = new AtomicLong();

    private final HttpServer server;

    private final ExecutorService workers;

    private WebhookReceiver(HttpServer server, ExecutorService workers) {
        this.server = server;
        this.workers = workers;
    }

    /**
     * Starts a receiver on the loopback address; port 0 picks a free one.
     *
     * @throws UncheckedIOException when the port cannot be bound
     */
    public static WebhookReceiver start(int port) {
        HttpServer server = bind(port);
        ExecutorService workers = Executors.newFixedThreadPool(8, runnable -> daemon(runnable, "webhook-receiver"));
        WebhookReceiver receiver = new WebhookReceiver(server, workers);

        server.createContext(PATH, receiver::handle);
        server.setExecutor(workers);
        server.start();

        log.info("Webhook receiver listening on [{}]", receiver.url());
        return receiver;
    }

    /** The URL to configure on a WEBHOOK component. */
    public String url() {
        InetSocketAddress address = server.getAddress();
        return "http://" + address.getHostString() + ":" + address.getPort() + PATH;
    }

    /** How many calls arrived for one execution, repeated ones included. */
    public long received(String executionId) {
        AtomicLong count = received.get(executionId);
        return count == null ? 0 : count.get();
    }

    /** How many different idempotency keys arrived for one execution: the sends it made, repeats counted once. */
    public long distinct(String executionId) {
        return keys.stream().filter(key -> key.startsWith(executionId + ":")).count();
    }

    /** How many calls carried an idempotency key seen before: a channel's retries. */
    public long repeated() {
        return repeated.get();
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            body.transferTo(OutputStream.nullOutputStream());

            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }

            count(exchange);
            exchange.sendResponseHeaders(200, -1);
        }
    }

    private void count(HttpExchange exchange) {
        String executionId = exchange.getRequestHeaders().getFirst(EXECUTION_HEADER);
        String key = exchange.getRequestHeaders().getFirst(IDEMPOTENCY_HEADER);

        received.computeIfAbsent(executionId == null ? "unknown" : executionId, id -> new AtomicLong())
                .incrementAndGet();
        if (key != null && !keys.add(key)) {
            repeated.incrementAndGet();
        }
    }

    private static HttpServer bind(int port) {
        try {
            return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot bind the webhook receiver to port " + port, e);
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
