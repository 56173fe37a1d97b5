package io.automark.ops.store;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code automark store}: the embedded store as a process of its own, until it is stopped. */
@Command(name = "store", mixinStandardHelpOptions = true,
        description = {"Runs the embedded MongoDB-compatible store on its own.",
                "Runs until Ctrl-C, for benchmarks and for tests that kill the service. A development store: no "
                        + "journal (the H2 file commits about once a second), no transactions, no secondary indexes."})
public class StoreCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "27017", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--memory", description = "Keep the data in memory instead of an H2 file.")
    boolean memory;

    @Option(names = "--data-dir", defaultValue = "${AUTOMARK_DATA_DIR:-data}",
            description = "Folder of the H2 file (default: ${DEFAULT-VALUE}; env AUTOMARK_DATA_DIR).")
    Path dataDir;

    @Override
    public Integer call() throws InterruptedException {
        StoreBackend backend = memory ? StoreBackend.MEMORY : StoreBackend.H2;
        EmbeddedStore store = EmbeddedStore.start(new StoreSettings(host, port, backend, dataDir));

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            store.close();
            stopped.countDown();
        }, "store-shutdown"));

        System.out.println("Store ready: " + store.uri("automark") + " (Ctrl-C to stop)");
        stopped.await();
        return 0;
    }
}
