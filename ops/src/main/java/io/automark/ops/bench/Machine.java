package io.automark.ops.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** What the machine was doing: the figures of a benchmark mean little without its load. */
final class Machine {

    private static final Path LOAD_AVERAGE = Path.of("/proc/loadavg");

    private Machine() {
    }

    /** The load averages over 1, 5 and 15 minutes, as {@code uptime} shows them, with the number of cores. */
    static String load() {
        return loadAverages() + " (" + Runtime.getRuntime().availableProcessors() + " cores)";
    }

    private static String loadAverages() {
        try {
            String[] fields = Files.readString(LOAD_AVERAGE).trim().split("\\s+");
            return "load average " + fields[0] + ", " + fields[1] + ", " + fields[2];
        } catch (IOException | RuntimeException e) {
            double oneMinute = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return String.format(Locale.ROOT, "load average %.2f (1 min)", oneMinute);
        }
    }
}
