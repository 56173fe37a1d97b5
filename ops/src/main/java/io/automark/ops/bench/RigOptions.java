package io.automark.ops.bench;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The options of a benchmark that runs the service against the store's memory backend, both as child processes. */
final class RigOptions {

    @Option(names = "--xmx", defaultValue = "512m",
            description = "The service's -Xmx, or 'none' for the JVM's default (default: ${DEFAULT-VALUE}).")
    String xmx;

    @Option(names = "--store-xmx", defaultValue = HeapLimit.NONE,
            description = "The store's -Xmx, or 'none' for the JVM's default; the memory backend holds every "
                    + "document on its heap (default: ${DEFAULT-VALUE}).")
    String storeXmx;

    @Option(names = "--timeout", defaultValue = "PT3H",
            description = "How long each measured stage may take, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--service-option", paramLabel = "--name=value",
            description = "A further Spring option for the service, e.g. --service-option=--automark.execution"
                    + ".workers=4 (repeatable).")
    List<String> serviceOptions = new ArrayList<>();

    @Option(names = "--data-dir", defaultValue = "${AUTOMARK_DATA_DIR:-data}",
            description = "The children's logs and recordings go to <data-dir>/bench/<benchmark>-<time> "
                    + "(default: ${DEFAULT-VALUE}; env AUTOMARK_DATA_DIR).")
    Path dataDir;

    HeapLimit jvm() {
        return HeapLimit.of(xmx);
    }

    HeapLimit storeJvm() {
        return HeapLimit.of(storeXmx);
    }

    /** @throws IllegalArgumentException unless the timeout is positive */
    Duration checkedTimeout() {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("--timeout must be positive, not " + timeout);
        }
        return timeout;
    }

    /** A fresh folder for this run of the named benchmark. */
    Path runDir(String benchmark) {
        return RunDirectory.of(dataDir, benchmark);
    }
}
