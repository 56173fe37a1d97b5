package io.automark.ops.bench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code automark bench engine}: users per second through a flow, against the store's raw insert rate. */
@Command(name = "engine", mixinStandardHelpOptions = true,
        description = {"Runs N synthetic users through TARGET_AUDIENCE -> TAG_JUDGMENT -> RANDOM_GROUPING -> TAG | "
                + "GENERATE_AUDIENCE and prints the users per second from publish until every read model caught up, "
                + "the service's peak heap, and the store's raw insertMany rate for N documents in the same run.",
                "Targets: at least half the raw rate; a heap under 512 MB.",
                "Exits 0 when every target is met, 1 when one is missed or the run fails."})
public class EngineBenchCommand implements Callable<Integer> {

    @Option(names = "--users", defaultValue = "1000000",
            description = "Synthetic users, streamed to the service as CSV (default: ${DEFAULT-VALUE}).")
    long users;

    @Option(names = "--batch-size", defaultValue = "1000",
            description = "Users per audience chunk, hence per execution batch and per recorded event "
                    + "(automark.audience.chunk-size; default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--xmx", defaultValue = "512m",
            description = "The service's -Xmx, or 'none' for the JVM's default (default: ${DEFAULT-VALUE}).")
    String xmx;

    @Option(names = "--store-xmx", defaultValue = HeapLimit.NONE,
            description = "The store's -Xmx, or 'none' for the JVM's default; the memory backend holds every "
                    + "document on its heap (default: ${DEFAULT-VALUE}).")
    String storeXmx;

    @Option(names = "--profile",
            description = "Record the service and the store with Java Flight Recorder from publish to catch-up, "
                    + "and print where the time went.")
    boolean profile;

    @Option(names = "--timeout", defaultValue = "PT3H",
            description = "How long the flow may take to catch up, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--service-option", paramLabel = "--name=value",
            description = "A further Spring option for the service, e.g. --service-option=--automark.execution"
                    + ".workers=4 (repeatable).")
    List<String> serviceOptions = new ArrayList<>();

    @Option(names = "--data-dir", defaultValue = "${AUTOMARK_DATA_DIR:-data}",
            description = "The children's logs and recordings go to <data-dir>/bench/engine-<time> "
                    + "(default: ${DEFAULT-VALUE}; env AUTOMARK_DATA_DIR).")
    Path dataDir;

    @Override
    public Integer call() {
        EngineSettings settings = settings();
        Report report = new EngineBenchmark(settings, System.err).run();

        report.print(System.out);
        return report.passed() ? 0 : 1;
    }

    EngineSettings settings() {
        if (users < 1) {
            throw new IllegalArgumentException("--users must be at least 1, not " + users);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("--batch-size must be at least 1, not " + batchSize);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("--timeout must be positive, not " + timeout);
        }
        return new EngineSettings(users, batchSize, HeapLimit.of(xmx), HeapLimit.of(storeXmx), profile, timeout,
                serviceOptions, RunDirectory.of(dataDir, "engine"));
    }

    /**
     * How to run the engine benchmark.
     *
     * @param jvm            the service's heap limit
     * @param storeJvm       the store's heap limit
     * @param serviceOptions further Spring options for the service
     * @param runDir         where the children's logs and recordings go
     */
    record EngineSettings(long users, int batchSize, HeapLimit jvm, HeapLimit storeJvm, boolean profile,
                          Duration timeout, List<String> serviceOptions, Path runDir) {

        EngineSettings {
            serviceOptions = List.copyOf(serviceOptions);
        }

        List<String> springArgs() {
            List<String> args = new ArrayList<>();
            args.add("--automark.audience.chunk-size=" + batchSize);
            args.addAll(serviceOptions);
            return args;
        }
    }
}
