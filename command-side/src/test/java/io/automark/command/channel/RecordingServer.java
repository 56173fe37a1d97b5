package io.automark.command.channel;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;

/** A real HTTP server that records every request and answers as a test tells it: a status, maybe after a delay. */
final class RecordingServer implements AutoCloseable {

    /** One request as the server got it. */
    record Request(String path, Headers headers, byte[] body) {

        String header(String name) {
            return headers.getFirst(name);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(16);
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile ToIntFunction<Request> status = request -> 200;
    private volatile Duration delay = Duration.ZERO;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();

    RecordingServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            Request request = new Request(exchange.getRequestURI().getPath(), copyOf(exchange.getRequestHeaders()),
                    exchange.getRequestBody().readAllBytes());
            requests.add(request);
            mostAtOnce.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            pause();
            inFlight.decrementAndGet();
            exchange.sendResponseHeaders(status.applyAsInt(request), -1);
            exchange.close();
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Answers every request with this status. */
    RecordingServer answer(int code) {
        this.status = request -> code;
        return this;
    }

    /** Answers each request with what the function tells. */
    RecordingServer answer(ToIntFunction<Request> code) {
        this.status = code;
        return this;
    }

    RecordingServer delay(Duration pause) {
        this.delay = pause;
        return this;
    }

    List<Request> requests() {
        return requests;
    }

    /** The most requests that were held at once so far. */
    int mostAtOnce() {
        return mostAtOnce.get();
    }

    /** How many requests so far carried this idempotency key. */
    long attemptsOf(String key) {
        return requests.stream()
                .filter(request -> key.equals(request.header("Idempotency-Key")))
                .count();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void pause() {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Headers copyOf(Headers given) {
        Headers copy = new Headers();
        copy.putAll(given);
        return copy;
    }
}
