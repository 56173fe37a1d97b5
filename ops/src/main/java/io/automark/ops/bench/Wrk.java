package io.automark.ops.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's {@code wrk} against the webhook receiver: POSTs of a small JSON body, about as large as the channel's,
 * for a fixed time, with a fixed number of connections. Its requests per second are what the receiver can take.
 */
final class Wrk {

    static final String INSTALL_HINT = "apt-get install -y wrk";

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");

    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ");

    private static final Pattern NOT_OK = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");

    private static final Pattern ERRORS = Pattern.compile("Socket errors:\\s+(.+)");

    /** About what the WEBHOOK channel sends for one user. */
    static final String BODY = "{\"executionId\":\"00000000-0000-0000-0000-00000000e4ec\","
            + "\"campaignId\":\"00000000-0000-0000-0000-0000000ca4a1\",\"componentId\":\"send\","
            + "\"userId\":\"u-123456\",\"idempotencyKey\":\"00000000-0000-0000-0000-00000000e4ec:send:u-123456\","
            + "\"sentAt\":\"2025-01-01T00:00:00.000Z\"}";

    private static final String SCRIPT = """
            -- POSTs a JSON document the size of the WEBHOOK channel's.
            wrk.method = "POST"
            wrk.headers["Content-Type"] = "application/json"
            wrk.headers["X-Automark-Execution"] = "wrk"
            wrk.body = '%s'
            """.formatted(BODY);

    private Wrk() {
    }

    /**
     * What one run of wrk reported.
     *
     * @param perSecond   its {@code Requests/sec}
     * @param requests    requests completed
     * @param notOk       answers other than 2xx or 3xx
     * @param errors      its socket errors line; empty when none
     */
    record Result(double perSecond, long requests, long notOk, Optional<String> errors) {
    }

    /** The {@code wrk} on the PATH; empty when it is not installed. */
    static Optional<Path> find() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String folder : path.split(File.pathSeparator)) {
            Path candidate = Path.of(folder.isEmpty() ? "." : folder, "wrk");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Runs wrk against {@code url} and reads its figures.
     *
     * @throws IllegalStateException when it fails or prints no rate
     */
    static Result run(Path wrk, String url, int threads, int connections, Duration duration, Path runDir) {
        try {
            Path script = runDir.resolve("wrk-post.lua");
            Path output = runDir.resolve("wrk.out");
            Files.createDirectories(runDir);
            Files.writeString(script, SCRIPT, StandardCharsets.UTF_8);

            Process process = new ProcessBuilder(List.of(wrk.toString(), "-t", String.valueOf(threads), "-c",
                    String.valueOf(connections), "-d", duration.toSeconds() + "s", "-s", script.toString(), url))
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("wrk did not end in time; see " + output);
            }

            String text = Files.readString(output, StandardCharsets.UTF_8);
            return parse(text).orElseThrow(() -> new IllegalStateException("wrk printed no rate (exit "
                    + process.exitValue() + "); see " + output));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + wrk, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while wrk ran", e);
        }
    }

    /** The figures of wrk's output; empty when it holds no {@code Requests/sec}. */
    static Optional<Result> parse(String output) {
        OptionalDouble rate = first(RATE, output).map(Double::parseDouble).map(OptionalDouble::of)
                .orElse(OptionalDouble.empty());
        if (rate.isEmpty()) {
            return Optional.empty();
        }

        OptionalLong requests = number(REQUESTS, output);
        OptionalLong notOk = number(NOT_OK, output);
        return Optional.of(new Result(rate.getAsDouble(), requests.orElse(-1), notOk.orElse(0),
                first(ERRORS, output).map(String::strip)));
    }

    private static OptionalLong number(Pattern pattern, String text) {
        return first(pattern, text).map(Long::parseLong).map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    private static Optional<String> first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
