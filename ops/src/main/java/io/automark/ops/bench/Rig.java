package io.automark.ops.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a benchmark runs against: the embedded store's memory backend as a process of its own
 * ({@code automark store --memory}) and the service as another ({@code automark stack} with {@code MONGODB_URI}
 * naming that store), on loopback addresses and free ports. Whatever it started is stopped when it is closed, in
 * the reverse order, whether the benchmark succeeded or not.
 */
final class Rig implements AutoCloseable {

    private static final Pattern STORE_READY = Pattern.compile("Store ready: (mongodb://\\S+)");

    private static final Pattern STACK_READY = Pattern.compile("Local stack ready on http://[^:/]+:(\\d+)");

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final Path runDir;

    private final PrintStream progress;

    private final Deque<AutoCloseable> started = new ArrayDeque<>();

    private ChildProcess store;

    private String mongoUri;

    private ChildProcess service;

    private String serviceUrl;

    Rig(Path runDir, PrintStream progress) {
        this.runDir = runDir;
        this.progress = progress;
    }

    Path runDir() {
        return runDir;
    }

    /** Starts the store's memory backend on a free port and answers its connection string. */
    String startStore() {
        return startStore(List.of());
    }

    /**
     * Starts the store's memory backend on a free port and answers its connection string.
     *
     * @param jvmOptions options for its JVM
     */
    String startStore(List<String> jvmOptions) {
        long start = System.nanoTime();
        store = keep(ChildProcess.start("store", ChildProcess.launcher(jvmOptions,
                List.of("store", "--memory", "--host", "127.0.0.1", "--port", "0")), Map.of(),
                runDir.resolve("store.log")));

        mongoUri = store.awaitLine(STORE_READY, START_TIMEOUT);
        progress.printf("Store (memory backend, pid %d) ready on %s in %.1f s%n", store.pid(), mongoUri,
                (System.nanoTime() - start) / 1e9);
        return mongoUri;
    }

    /**
     * Starts the local stack against the store and answers its URL once it is up.
     *
     * @param jvmOptions  options for its JVM, such as {@code -Xmx512m}
     * @param springArgs  further options for Spring, such as {@code --automark.audience.chunk-size=500}
     * @throws IllegalStateException when the store has not been started
     */
    String startService(List<String> jvmOptions, List<String> springArgs) {
        if (mongoUri == null) {
            throw new IllegalStateException("start the store before the service");
        }
        long start = System.nanoTime();
        List<String> args = new ArrayList<>(List.of("stack", "--port", "0", "--smtp-port", "0",
                "--server.address=127.0.0.1"));
        args.addAll(springArgs);

        service = keep(ChildProcess.start("service", ChildProcess.launcher(jvmOptions, args),
                Map.of("MONGODB_URI", mongoUri, "AXONIQ_UPDATE_CHECKER_DISABLED", "true"),
                runDir.resolve("service.log")));
        serviceUrl = "http://127.0.0.1:" + service.awaitLine(STACK_READY, START_TIMEOUT);

        progress.printf("Service (local stack, pid %d%s) ready on %s in %.1f s%n", service.pid(),
                jvmOptions.isEmpty() ? "" : ", " + String.join(" ", jvmOptions), serviceUrl,
                (System.nanoTime() - start) / 1e9);
        return serviceUrl;
    }

    ChildProcess store() {
        return store;
    }

    ChildProcess service() {
        return service;
    }

    String serviceUrl() {
        return serviceUrl;
    }

    /** Makes sure every child the rig started is still running. */
    void checkAlive() {
        for (AutoCloseable each : started) {
            if (each instanceof ChildProcess child) {
                child.checkAlive();
            }
        }
    }

    /** Closes {@code resource} with the rig, before whatever was kept earlier. */
    <T extends AutoCloseable> T keep(T resource) {
        started.push(resource);
        return resource;
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            AutoCloseable resource = started.pop();
            try {
                resource.close();
            } catch (Exception e) {
                progress.println("Could not stop " + resource + " cleanly: " + e);
            }
        }
    }
}
