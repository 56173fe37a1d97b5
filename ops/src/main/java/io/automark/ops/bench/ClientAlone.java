package io.automark.ops.bench;

import io.automark.command.channel.HttpDelivery;
import io.automark.command.channel.PostRequest;
import io.automark.command.channel.RetrySettings;
import io.automark.command.channel.SendResult;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

/**
 * The WEBHOOK channel's own HTTP client, alone in the benchmark's JVM beside the receiver: N posts of wrk's body,
 * as many at once as the channel allows, with none of the engine around them (no audience, routing, ledger or
 * events). What it reaches is the most the channel could reach on this machine, so the run can tell how much of
 * the gap to wrk is the engine's and how much a JVM client's.
 */
final class ClientAlone {

    private static final int SLICE = 1_000;

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private ClientAlone() {
    }

    /**
     * What one run came to.
     *
     * @param succeeded posts answered with a 2xx
     */
    record Result(long posts, long succeeded, Duration elapsed) {

        double perSecond() {
            return Figures.perSecond(posts, elapsed);
        }
    }

    /** Posts {@code posts} requests to {@code url}, at most {@code concurrency} at a time. */
    static Result run(String url, long posts, int concurrency) {
        URI target = URI.create(url);
        byte[] body = Wrk.BODY.getBytes(StandardCharsets.UTF_8);
        long succeeded = 0;

        long start = System.nanoTime();
        try (HttpDelivery client = new HttpDelivery("bench-client", RetrySettings.defaults(), concurrency)) {
            for (long from = 0; from < posts; from += SLICE) {
                List<Long> slice = LongStream.range(from, Math.min(from + SLICE, posts)).boxed().toList();
                succeeded += client.sendAll(slice, n -> client.post(request(target, body, n))).stream()
                        .filter(SendResult::succeeded)
                        .count();
            }
        }
        return new Result(posts, succeeded, Duration.ofNanos(System.nanoTime() - start));
    }

    /** Headers as the channel sends them, under an execution of its own so the receiver counts it apart. */
    private static PostRequest request(URI target, byte[] body, long n) {
        return new PostRequest(target, TIMEOUT, List.of(
                Map.entry("Content-Type", "application/json"),
                Map.entry("Idempotency-Key", "client-alone:" + n),
                Map.entry("X-Automark-Execution", "client-alone")), body);
    }
}
