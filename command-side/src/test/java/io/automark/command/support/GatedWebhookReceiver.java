package io.automark.command.support;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server that counts each webhook post as it arrives and holds its answer until the gate opens, so that
 * a test can catch a run in the middle of its sends.
 */
public final class GatedWebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final AtomicInteger arrived = new AtomicInteger();
    private final Set<String> executions = ConcurrentHashMap.newKeySet();
    private final CountDownLatch gate = new CountDownLatch(1);

    public GatedWebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(handlers);
        server.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            executions.add(exchange.getRequestHeaders().getFirst("X-Automark-Execution"));
            arrived.incrementAndGet();
            try {
                gate.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** Requests that reached the server so far, answered or held. */
    public int arrived() {
        return arrived.get();
    }

    /** The executions the requests came for. */
    public Set<String> executions() {
        return executions;
    }

    /** Answers the held requests and every later one at once. */
    public void open() {
        gate.countDown();
    }

    @Override
    public void close() {
        open();
        server.stop(0);
        handlers.shutdownNow();
    }
}
