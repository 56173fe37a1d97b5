package io.automark.ops.bench;

import java.time.Duration;
import java.util.Optional;

/** The CPU time the service, the store and the benchmark itself used over a measured span. */
final class CpuTimes {

    private final Rig rig;

    private final Duration service;

    private final Duration store;

    private final Duration bench;

    private CpuTimes(Rig rig, Duration service, Duration store, Duration bench) {
        this.rig = rig;
        this.service = service;
        this.store = store;
        this.bench = bench;
    }

    static CpuTimes start(Rig rig) {
        return new CpuTimes(rig, cpu(Optional.ofNullable(rig.service())), cpu(Optional.ofNullable(rig.store())),
                ownCpu());
    }

    /** Adds a line with each process's CPU seconds since the start, against the wall time of the span. */
    void report(Report report, String label, Duration wall) {
        Duration serviceUsed = cpu(Optional.ofNullable(rig.service())).minus(service);
        Duration storeUsed = cpu(Optional.ofNullable(rig.store())).minus(store);
        Duration benchUsed = ownCpu().minus(bench);
        double capacity = wall.toNanos() / 1e9 * Runtime.getRuntime().availableProcessors();
        double used = (serviceUsed.plus(storeUsed).plus(benchUsed)).toNanos() / 1e9;

        report.line("%s: CPU over %s: service %s, store %s, benchmark %s (%.0f%% of %d cores)", label,
                Figures.seconds(wall), Figures.seconds(serviceUsed), Figures.seconds(storeUsed),
                Figures.seconds(benchUsed), 100 * used / capacity, Runtime.getRuntime().availableProcessors());
    }

    private static Duration cpu(Optional<ChildProcess> child) {
        return child.flatMap(ChildProcess::cpuTime).orElse(Duration.ZERO);
    }

    private static Duration ownCpu() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }
}
