package io.automark.ops.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Java Flight Recorder on a child process, through {@code jcmd}: started before the measured part and dumped after
 * it, so that the recording holds the run and not the start-up.
 */
final class Profiler {

    private static final String RECORDING = "automark-bench";

    private Profiler() {
    }

    /** Starts a recording with the JDK's {@code profile} settings (method samples every 10 to 20 ms). */
    static void start(ChildProcess child) {
        jcmd(child, List.of("JFR.start", "name=" + RECORDING, "settings=profile"));
    }

    /** Stops the recording and writes it to {@code file}. */
    static Path stop(ChildProcess child, Path file) {
        jcmd(child, List.of("JFR.stop", "name=" + RECORDING, "filename=" + file.toAbsolutePath()));
        return file;
    }

    private static void jcmd(ChildProcess child, List<String> command) {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        List<String> line = new ArrayList<>(List.of(jcmd, String.valueOf(child.pid())));
        line.addAll(command);

        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || output.contains("Exception")) {
                throw new IllegalStateException("jcmd " + String.join(" ", command) + " on " + child + " failed: "
                        + output.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + jcmd + " (a JDK's jcmd is needed to profile)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running jcmd", e);
        }
    }
}
