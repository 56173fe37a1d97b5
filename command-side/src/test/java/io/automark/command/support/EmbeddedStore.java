package io.automark.command.support;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** The embedded MongoDB-compatible server, in memory, for tests that need a real store. */
public final class EmbeddedStore {

    private static MongoServer server;

    private EmbeddedStore() {
    }

    /** Starts the server once per test JVM and answers a URI with a fresh database name. */
    public static synchronized String uri(String database) {
        if (server == null) {
            server = new MongoServer(new MemoryBackend());
            server.bind("127.0.0.1", 0);
            // No shutdown hook: the server dies with the test JVM. Shutting it down in a hook races the Spring
            // contexts' own hooks, whose deadline server then waits on a closed store.
        }
        return "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/" + database;
    }
}
