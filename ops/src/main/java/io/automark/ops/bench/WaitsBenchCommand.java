package io.automark.ops.bench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
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

    @Mixin
    RigOptions rig = new RigOptions();

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
        return new WaitsSettings(users, rig.jvm(), rig.storeJvm(), rig.checkedTimeout(), rig.serviceOptions,
                rig.runDir("waits"));
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
