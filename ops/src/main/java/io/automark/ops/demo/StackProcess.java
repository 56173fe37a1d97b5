package io.automark.ops.demo;

import io.automark.ops.AutomarkCli;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A local stack the demo started as a child process, and stops again when it is done. */
final class StackProcess implements AutoCloseable {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;

    private final Path log;

    private final Thread stopOnExit;

    private StackProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.stopOnExit = new Thread(process::destroy, "stop-local-stack");
    }

    /**
     * Starts {@code automark stack} with the same Java and class path as this process, its output going to
     * {@code log}.
     *
     * @throws UncheckedIOException when the process cannot be started
     */
    static StackProcess start(List<String> stackArgs, Path log) {
        List<String> command = new ArrayList<>(javaCommand());
        command.add("stack");
        command.addAll(stackArgs);

        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            StackProcess stack = new StackProcess(process, log);
            Runtime.getRuntime().addShutdownHook(stack.stopOnExit);
            return stack;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the local stack", e);
        }
    }

    /**
     * Waits until the stack answers on the client's URL.
     *
     * @throws IllegalStateException when the process ends first or the timeout passes
     */
    void awaitReady(AutomarkClient client, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();

        while (!client.answers()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the local stack exited with " + process.exitValue() + "; see " + log);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the local stack did not answer within " + timeout.toSeconds()
                        + " s; see " + log);
            }
            sleep();
        }
    }

    /**
     * Asks the stack to stop (its shutdown hook closes it in order) and kills it if it takes too long. Should the
     * demo itself be stopped first, a shutdown hook asks the stack to stop all the same.
     */
    @Override
    public void close() {
        Runtime.getRuntime().removeShutdownHook(stopOnExit);
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** {@code java -jar automark.jar} from the packaged launcher, else {@code java -cp … AutomarkCli}. */
    private static List<String> javaCommand() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("java.class.path");

        if (classPath.endsWith(".jar") && !classPath.contains(File.pathSeparator)) {
            return List.of(java, "-jar", classPath);
        }
        return List.of(java, "-cp", classPath, AutomarkCli.class.getName());
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the local stack", e);
        }
    }
}
