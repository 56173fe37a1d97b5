package io.automark.ops.bench;

import io.automark.ops.AutomarkCli;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A process a benchmark started (the store, the service, a Kafka broker), its output going to a log file. It is
 * stopped when closed, and by a shutdown hook should the benchmark itself be stopped first.
 */
final class ChildProcess implements AutoCloseable {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private static final Duration POLL = Duration.ofMillis(200);

    private final String name;

    private final Process process;

    private final Path log;

    private final Thread stopOnExit;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.stopOnExit = new Thread(process::destroy, "stop-" + name);
    }

    /**
     * Starts a command, its standard output and error going to {@code log}.
     *
     * @param environment variables to set on top of this process's own
     * @throws UncheckedIOException when the process cannot be started
     */
    static ChildProcess start(String name, List<String> command, Map<String, String> environment, Path log) {
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(environment);

            ChildProcess child = new ChildProcess(name, builder.start(), log);
            Runtime.getRuntime().addShutdownHook(child.stopOnExit);
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the " + name, e);
        }
    }

    /**
     * The command that runs Automark's launcher with the same Java and class path as this process: {@code java
     * <jvmOptions> -jar automark.jar <args>} from the packaged launcher, else {@code java -cp … AutomarkCli}.
     */
    static List<String> launcher(List<String> jvmOptions, List<String> args) {
        String classPath = System.getProperty("java.class.path");
        List<String> command = new ArrayList<>();

        command.add(javaExecutable());
        command.addAll(jvmOptions);
        command.add("-Daxoniq.update-checker.disabled=true");
        command.add("-Ddisable-axoniq-console-message=true");
        if (classPath.endsWith(".jar") && !classPath.contains(File.pathSeparator)) {
            command.addAll(List.of("-jar", classPath));
        } else {
            command.addAll(List.of("-cp", classPath, AutomarkCli.class.getName()));
        }
        command.addAll(args);
        return command;
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Waits for a line of the log that matches {@code pattern} and answers its first group.
     *
     * @throws IllegalStateException when the process ends first or the timeout passes
     */
    String awaitLine(Pattern pattern, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();

        while (true) {
            Matcher matcher = pattern.matcher(logText());
            if (matcher.find()) {
                return matcher.group(1);
            }
            checkAlive();
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("the " + name + " wrote no line like '" + pattern + "' within "
                        + timeout.toSeconds() + " s; see " + log);
            }
            Pause.of(POLL);
        }
    }

    /**
     * @throws IllegalStateException when the process has ended
     */
    void checkAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException("the " + name + " exited with " + process.exitValue()
                    + outOfMemory().map(line -> " (" + line + ")").orElse("") + "; see " + log);
        }
    }

    /** The first line of the log that reports an {@code OutOfMemoryError}, if any. */
    Optional<String> outOfMemory() {
        return logText().lines()
                .filter(line -> line.contains("OutOfMemoryError"))
                .findFirst()
                .map(String::strip);
    }

    long pid() {
        return process.pid();
    }

    /** The most resident memory the process has had (Linux's {@code VmHWM}); empty where that is not known. */
    Optional<Long> peakResidentBytes() {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status")).stream()
                    .filter(line -> line.startsWith("VmHWM:"))
                    .map(line -> line.replaceAll("\\D", ""))
                    .filter(digits -> !digits.isEmpty())
                    .map(kilobytes -> Long.parseLong(kilobytes) * 1024)
                    .findFirst();
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** The CPU time the process used so far; empty when the platform does not tell. */
    Optional<Duration> cpuTime() {
        return process.toHandle().info().totalCpuDuration();
    }

    /**
     * Asks the process to stop (SIGTERM, so that its own shutdown hooks run) and kills it when it takes longer
     * than a minute.
     */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException e) {
            // The JVM is shutting down already: the hook stops the process.
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }

    private String logText() {
        try {
            return Files.readString(log, StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log, e);
        }
    }
}
