package io.automark.ops.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.automark.ops.store.StoreSettings;
import io.automark.ops.webhook.WebhookReceiver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code automark demo}: the main job. Runs the Hillstrom campaign against the local stack, starting one when
 * nothing answers on the URL, and exits non-zero when a figure is wrong.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs the main job: the Hillstrom campaign, checked figure by figure.",
                "Imports the 64,000 Hillstrom customers, publishes a campaign TARGET_AUDIENCE -> TAG_JUDGMENT "
                        + "(newbie) -> RANDOM_GROUPING 50/50 -> EMAIL | WEBHOOK over them, follows the execution to "
                        + "its end, prints a summary and checks every figure; exits 1 when one is wrong.",
                "Starts a local stack for the run when nothing answers on --url, on an empty H2 store in "
                        + "<data-dir>/demo, and stops it at the end."})
public class DemoCommand implements Callable<Integer> {

    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    @Option(names = "--url", defaultValue = "http://localhost:8080",
            description = "The stack, or the command side (default: ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--query-url", description = "The query side, when it runs apart (default: --url).")
    String queryUrl;

    @Option(names = "--rows", defaultValue = "64000", description = "Use the first N customers (default: 64000).")
    int rows;

    @Option(names = "--json", description = "End the output with the execution document as one line of JSON.")
    boolean json;

    @Option(names = "--workspace", description = "The workspace to work in (default: demo-<UTC time>).")
    String workspace;

    @Option(names = "--timeout", defaultValue = "PT30M",
            description = "How long the execution may run, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--stack-memory",
            description = "When the demo starts the stack: keep its store in memory instead of the H2 file.")
    boolean stackMemory;

    @Option(names = "--data-dir", defaultValue = "${AUTOMARK_DATA_DIR:-data}",
            description = "When the demo starts the stack: its store and log go to <data-dir>/demo "
                    + "(default: ${DEFAULT-VALUE}; env AUTOMARK_DATA_DIR).")
    Path dataDir;

    @Option(names = "--keep-data",
            description = "When the demo starts the stack: keep the store of earlier demo runs instead of starting "
                    + "it empty.")
    boolean keepData;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        PrintStream progress = System.err;
        String space = workspace != null ? workspace : defaultWorkspace();
        AutomarkClient client = new AutomarkClient(url, queryUrl != null ? queryUrl : url, space);

        DemoResult result;
        try (WebhookReceiver receiver = WebhookReceiver.start(0);
             StackProcess stack = client.answers() ? null : startStack(client, progress)) {
            progress.printf("Hillstrom demo: %,d customers, workspace %s, %s%n", rows, space, url);
            result = new HillstromDemo(client, receiver, timeout, progress).run(space, rows);
            if (stack != null) {
                progress.println("Stopping the local stack the demo started");
            }
        }

        DemoReport.print(result, Duration.ofNanos(System.nanoTime() - start), System.out);
        if (json) {
            System.out.println(compact(client, result.execution()));
        }
        return result.passed() ? 0 : 1;
    }

    private StackProcess startStack(AutomarkClient client, PrintStream progress) {
        URI target = URI.create(url);
        if (!LOCAL_HOSTS.contains(target.getHost()) || target.getPort() < 0) {
            throw new IllegalStateException("nothing answers on " + url + ", and the demo starts a stack only on "
                    + "http://localhost:<port>");
        }

        Path demoDir = dataDir.resolve("demo");
        Path log = demoDir.resolve("stack.log");
        if (!keepData && !stackMemory) {
            deleteStore(demoDir);
        }
        progress.printf("Nothing answers on %s: starting a local stack on %s (log: %s)%n", url,
                stackMemory ? "a memory store" : demoDir.resolve(StoreSettings.H2_FILE), log);

        long start = System.nanoTime();
        StackProcess stack = StackProcess.start(stackArgs(target.getPort(), demoDir), log);
        try {
            stack.awaitReady(client, Duration.ofMinutes(3));
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        progress.printf("Local stack ready in %.1f s%n", (System.nanoTime() - start) / 1e9);
        return stack;
    }

    private List<String> stackArgs(int port, Path demoDir) {
        List<String> args = new ArrayList<>(List.of("--port", String.valueOf(port), "--smtp-port", "0",
                "--data-dir", demoDir.toString()));
        if (stackMemory) {
            args.add("--memory");
        }
        return args;
    }

    /** Each run starts on an empty store, so that runs are alike and the file does not grow without end. */
    private static void deleteStore(Path demoDir) {
        try {
            Files.deleteIfExists(demoDir.resolve(StoreSettings.H2_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the demo's store in " + demoDir, e);
        }
    }

    private static String compact(AutomarkClient client, JsonNode execution) {
        try {
            return client.json().writeValueAsString(execution);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String defaultWorkspace() {
        return "demo-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(ZonedDateTime.now(ZoneOffset.UTC));
    }
}
