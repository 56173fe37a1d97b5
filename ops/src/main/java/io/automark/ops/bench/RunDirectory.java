package io.automark.ops.bench;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** The folder of one benchmark run: {@code <data-dir>/bench/<name>-<UTC time>}. */
final class RunDirectory {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private RunDirectory() {
    }

    static Path of(Path dataDir, String name) {
        return dataDir.resolve("bench").resolve(name + "-" + stamp()).toAbsolutePath();
    }

    /** The run's time, also used to name its workspace. */
    static String stamp() {
        return STAMP.format(ZonedDateTime.now(ZoneOffset.UTC));
    }
}
