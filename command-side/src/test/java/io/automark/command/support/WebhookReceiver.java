package io.automark.command.support;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP server that takes webhook posts, counts them and remembers their idempotency keys. */
public final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Set<String> keys = ConcurrentHashMap.newKeySet();
    private volatile int status = 200;

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String execution = String.valueOf(exchange.getRequestHeaders().getFirst("X-Automark-Execution"));
            requests.computeIfAbsent(execution, key -> new AtomicInteger()).incrementAndGet();
            keys.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public void answer(int status) {
        this.status = status;
    }

    /** How many requests came for one execution. */
    public int requests(String executionId) {
        AtomicInteger count = requests.get(executionId);
        return count == null ? 0 : count.get();
    }

    public Set<String> keys() {
        return keys;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
