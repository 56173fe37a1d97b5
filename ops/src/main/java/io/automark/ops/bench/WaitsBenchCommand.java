package io.automark.ops.bench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code automark bench waits}: what N users waiting at once cost the service and the store. */
@Command(name = "waits", mixinStandardHelpOptions = true,
        description = {"Parks N synthetic users at once at a WAIT_UNTIL of a day, then stops the execution, and "
                + "prints how fast they were parked and released, the wait documents in the store, the store's "
                + "and the service's memory, and the service's live threads before and while they wait.",
                "Targets: no thread per waiting user (at most 32 more live threads while N wait); a heap under "
                        + "512 MB.",
                "Exits 0 when every target is met, 1 when one is missed or the run fails."})
public class WaitsBenchCommand implements Callable<Integer> {

    @Option(names = "--users", defaultValue = "1000000",
            description = "Synthetic users, streamed to the service as CSV (default: ${DEFAULT-VALUE}).")
    long users;

    @Option(names = "--xmx", defaultValue = "512m",
            description = "The service's -Xmx, or 'none' for the JVM's default (default: ${DEFAULT-VALUE}).")
    String xmx;

    @Option(names = "--store-xmx", defaultValue = HeapLimit.NONE,
            description = "The store's -Xmx, or 'none' for the JVM's default; the memory backend holds every "
                    + "document on its heap (default: ${DEFAULT-VALUE}).")
    String storeXmx;

    @Option(names = "--timeout", defaultValue = "PT3H",
            description = "How long parking, and then the stop, may each take, ISO-8601 (default: "
                    + "${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--service-option", paramLabel = "--name=value",
            description = "A further Spring option for the service (repeatable).")
    List<String> serviceOptions = new ArrayList<>();

    @Option(names = "--data-dir", defaultValue = "${AUTOMARK_DATA_DIR:-data}",
            description = "The children's logs go to <data-dir>/bench/waits-<time> (default: ${DEFAULT-VALUE}; env "
                    + "AUTOMARK_DATA_DIR).")
    Path dataDir;

    @Override
    public Integer call() {
        Report report = new WaitsBenchmark(settings(), System.err).run();

        report.print(System.out);
        return report.passed() ? 0 : 1;
    }

    WaitsSettings settings() {
        if (users < 1) {
            throw new IllegalArgumentException("--users must be at least 1, not " + users);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("--timeout must be positive, not " + timeout);
        }
        return new WaitsSettings(users, HeapLimit.of(xmx), HeapLimit.of(storeXmx), timeout, serviceOptions,
                RunDirectory.of(dataDir, "waits"));
    }

    /**
     * How to run the waits benchmark.
     *
     * @param jvm            the service's heap limit
     * @param storeJvm       the store's heap limit
     * @param serviceOptions further Spring options for the service
     * @param runDir         where the children's logs go
     */
    record WaitsSettings(long users, HeapLimit jvm, HeapLimit storeJvm, Duration timeout,
                         List<String> serviceOptions, Path runDir) {

        WaitsSettings {
            serviceOptions = List.copyOf(serviceOptions);
        }
    }
}
