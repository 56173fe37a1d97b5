package io.automark.ops.stack;

import io.automark.ops.store.StoreBackend;
import io.automark.ops.store.StoreSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code automark stack}: both sides in one process over the embedded store, until it is stopped. */
@Command(name = "stack", mixinStandardHelpOptions = true,
        description = {"Runs the local stack: both sides on one port over the embedded store.",
                "Runs until Ctrl-C: the embedded store (unless MONGODB_URI is set), an SMTP sink that counts the "
                        + "mail, and the command and query sides in one process with both APIs on one port.",
                "Unknown options (e.g. --logging.level.io.automark=DEBUG) are passed to Spring."})
public class StackCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8080",
            description = "HTTP port of both APIs (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--mongodb-uri", defaultValue = "${MONGODB_URI}",
            description = "Use this database and start no embedded store (default: env MONGODB_URI).")
    String mongoUri;

    @Option(names = "--data-dir", defaultValue = "${AUTOMARK_DATA_DIR:-data}",
            description = "Folder of the embedded store's H2 file (default: ${DEFAULT-VALUE}; env AUTOMARK_DATA_DIR).")
    Path dataDir;

    @Option(names = "--memory", description = "Keep the embedded store in memory instead of an H2 file.")
    boolean memory;

    @Option(names = "--store-port", defaultValue = "0",
            description = "Port of the embedded store (default: a free one).")
    int storePort;

    @Option(names = "--smtp-port", defaultValue = "2525",
            description = "Port of the SMTP sink that receives the mail (default: ${DEFAULT-VALUE}; 0 = a free one).")
    int smtpPort;

    @Unmatched
    List<String> springArgs = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        StoreBackend backend = memory ? StoreBackend.MEMORY : StoreBackend.H2;
        StoreSettings store = new StoreSettings("127.0.0.1", storePort, backend, dataDir);
        StackSettings settings = new StackSettings(port, mongoUri, store, smtpPort, Map.of(), springArgs);

        LocalStack stack = LocalStack.start(settings);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stopped.countDown();
        }, "stack-shutdown"));

        System.out.println("Local stack ready on " + stack.baseUrl() + ", SMTP sink on port "
                + stack.mailSink().port() + " (Ctrl-C to stop)");
        stopped.await();
        return 0;
    }
}
