package io.automark.ops.bench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code automark bench channels}: sends per second through WEBHOOK and KAFKA to local receivers. */
@Command(name = "channels", mixinStandardHelpOptions = true,
        description = {"Sends to N users through WEBHOOK (to a local receiver) and through KAFKA (to an embedded "
                + "broker in a child JVM), one execution each, and prints the sends per second from publish until "
                + "the execution read model shows every send; for the webhook also the rate wrk reaches against "
                + "the same receiver in the same run.",
                "Target: the webhook at least half of wrk's rate. Without wrk (" + Wrk.INSTALL_HINT + ") that "
                        + "comparison is skipped.",
                "KAFKA runs spring-kafka-test's broker on the class path that the build of ops writes to "
                        + "ops/target/bench/.",
                "Exits 0 when every target is met, 1 when one is missed, skipped or the run fails."})
public class ChannelsBenchCommand implements Callable<Integer> {

    /** The channels this benchmark knows. */
    enum BenchChannel {
        WEBHOOK, KAFKA
    }

    @Option(names = "--sends", defaultValue = "100000",
            description = "Users, hence sends per channel (default: ${DEFAULT-VALUE}).")
    long sends;

    @Option(names = "--channels", split = ",", defaultValue = "WEBHOOK,KAFKA",
            description = "The channels to measure (default: ${DEFAULT-VALUE}).")
    List<BenchChannel> channels = new ArrayList<>();

    @Option(names = "--wrk-duration", defaultValue = "PT10S",
            description = "How long wrk runs, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration wrkDuration;

    @Option(names = "--wrk-connections", defaultValue = "64",
            description = "wrk's connections, by default the webhook channel's own concurrency "
                    + "(automark.webhook.max-concurrency; default: ${DEFAULT-VALUE}).")
    int wrkConnections;

    @Option(names = "--wrk-threads", defaultValue = "2", description = "wrk's threads (default: ${DEFAULT-VALUE}).")
    int wrkThreads;

    @Option(names = "--kafka-partitions", defaultValue = "2",
            description = "Partitions of the benchmark's topic (default: ${DEFAULT-VALUE}).")
    int kafkaPartitions;

    @Option(names = "--xmx", defaultValue = HeapLimit.NONE,
            description = "The service's -Xmx, or 'none' for the JVM's default (default: ${DEFAULT-VALUE}).")
    String xmx;

    @Option(names = "--profile",
            description = "Record the service and the store with Java Flight Recorder from publish until the "
                    + "receiver holds every send, per channel, and print where the time went.")
    boolean profile;

    @Option(names = "--timeout", defaultValue = "PT1H",
            description = "How long each channel's run may take, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--service-option", paramLabel = "--name=value",
            description = "A further Spring option for the service, e.g. --service-option=--automark.webhook"
                    + ".max-concurrency=128 (repeatable).")
    List<String> serviceOptions = new ArrayList<>();

    @Option(names = "--project-dir",
            description = "The project (with mvnw), for the Kafka broker's class path (default: found above the "
                    + "launcher's jar or the working folder).")
    Path projectDir;

    @Option(names = "--data-dir", defaultValue = "${AUTOMARK_DATA_DIR:-data}",
            description = "The children's logs go to <data-dir>/bench/channels-<time> (default: ${DEFAULT-VALUE}; "
                    + "env AUTOMARK_DATA_DIR).")
    Path dataDir;

    @Override
    public Integer call() {
        ChannelSettings settings = settings();
        Report report = new ChannelsBenchmark(settings, System.err).run();

        report.print(System.out);
        return report.passed() ? 0 : 1;
    }

    ChannelSettings settings() {
        if (sends < 1) {
            throw new IllegalArgumentException("--sends must be at least 1, not " + sends);
        }
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("--channels names no channel");
        }
        if (wrkConnections < 1 || wrkThreads < 1 || wrkThreads > wrkConnections) {
            throw new IllegalArgumentException("wrk needs 1 <= --wrk-threads <= --wrk-connections");
        }
        if (wrkDuration.toSeconds() < 1 || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("--wrk-duration must be a second or more and --timeout positive");
        }
        return new ChannelSettings(sends, EnumSet.copyOf(channels), wrkDuration, wrkConnections, wrkThreads,
                kafkaPartitions, HeapLimit.of(xmx), profile, timeout, serviceOptions, projectDir,
                RunDirectory.of(dataDir, "channels"));
    }

    /**
     * How to run the channels benchmark.
     *
     * @param profile    whether to record the service and the store with JFR
     * @param projectDir the project with its Maven wrapper; null to look for it
     * @param runDir     where the children's logs go
     */
    record ChannelSettings(long sends, Set<BenchChannel> channels, Duration wrkDuration, int wrkConnections,
                           int wrkThreads, int kafkaPartitions, HeapLimit jvm, boolean profile,
                           Duration timeout,
                           List<String> serviceOptions, Path projectDir, Path runDir) {

        ChannelSettings {
            channels = Set.copyOf(channels);
            serviceOptions = List.copyOf(serviceOptions);
        }
    }
}
