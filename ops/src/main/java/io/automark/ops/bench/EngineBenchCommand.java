package io.automark.ops.bench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    RigOptions rig = new RigOptions();

    @Option(names = "--batch-size", defaultValue = "1000",
            description = "Users per audience chunk, hence per execution batch and per recorded event "
                    + "(automark.audience.chunk-size; default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--profile",
            description = "Record the service and the store with Java Flight Recorder from publish to catch-up, "
                    + "and print where the time went.")
    boolean profile;

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
        return new EngineSettings(users, batchSize, rig.jvm(), rig.storeJvm(), profile, rig.checkedTimeout(),
                rig.serviceOptions, rig.runDir("engine"));
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
