package io.automark.ops.store;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;

/**
 * The MongoDB-compatible server of mongo-java-server, for development and tests. It has no journal, no
 * transactions and no secondary indexes: production runs on MongoDB.
 */
public final class EmbeddedStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedStore.class);

    private final MongoServer server;

    private final InetSocketAddress address;

    private final StoreSettings settings;

    private EmbeddedStore(MongoServer server, InetSocketAddress address, StoreSettings settings) {
        this.server = server;
        this.address = address;
        this.settings = settings;
    }

    /**
     * Starts a server as the settings say and returns once it listens.
     *
     * @throws UncheckedIOException when the H2 data folder cannot be created
     */
    public static EmbeddedStore start(StoreSettings settings) {
        MongoServer server = new MongoServer(backendFor(settings));

        server.bind(settings.host(), settings.port());

        InetSocketAddress address = server.getLocalAddress();
        log.info("Embedded store listening on [{}:{}], backend [{}]", address.getHostString(), address.getPort(),
                describe(settings));
        return new EmbeddedStore(server, address, settings);
    }

    /** The port it listens on, useful when the settings asked for a free one. */
    public int port() {
        return address.getPort();
    }

    /** A connection string for a client of this server, naming the database to use. */
    public String uri(String database) {
        return "mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + database;
    }

    public StoreSettings settings() {
        return settings;
    }

    /** Stops listening and closes the backend, which writes the H2 file's last changes. */
    @Override
    public void close() {
        server.shutdown();
        log.info("Embedded store on port [{}] stopped", address.getPort());
    }

    private static MongoBackend backendFor(StoreSettings settings) {
        if (settings.backend() == StoreBackend.MEMORY) {
            return new MemoryBackend();
        }

        createFolder(settings);
        return new H2Backend(settings.h2File().toString());
    }

    private static void createFolder(StoreSettings settings) {
        try {
            Files.createDirectories(settings.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder " + settings.dataDir(), e);
        }
    }

    private static String describe(StoreSettings settings) {
        return settings.backend() == StoreBackend.MEMORY ? "memory" : "H2 file " + settings.h2File().toAbsolutePath();
    }
}
