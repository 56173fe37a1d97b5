package io.automark.ops.store;

import java.nio.file.Path;

/**
 * How to run the embedded store.
 *
 * @param host    the address to listen on
 * @param port    the port to listen on; 0 picks a free one
 * @param backend where the documents live
 * @param dataDir the folder of the H2 file; ignored by the memory backend
 */
public record StoreSettings(String host, int port, StoreBackend backend, Path dataDir) {

    /** The file the H2 backend writes inside {@link #dataDir()}. */
    public static final String H2_FILE = "automark.mv";

    /** A store in memory on a free port of the loopback address, as tests want it. */
    public static StoreSettings inMemory() {
        return new StoreSettings("127.0.0.1", 0, StoreBackend.MEMORY, null);
    }

    /** A store in an H2 file inside {@code dataDir}, on a free port of the loopback address. */
    public static StoreSettings h2(Path dataDir) {
        return new StoreSettings("127.0.0.1", 0, StoreBackend.H2, dataDir);
    }

    public StoreSettings withPort(int newPort) {
        return new StoreSettings(host, newPort, backend, dataDir);
    }

    public Path h2File() {
        return dataDir.resolve(H2_FILE);
    }
}
