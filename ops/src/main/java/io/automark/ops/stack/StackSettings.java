package io.automark.ops.stack;

import io.automark.ops.store.StoreSettings;

import java.util.List;
import java.util.Map;

/**
 * How to run the local stack.
 *
 * @param httpPort   the port of both APIs; 0 picks a free one
 * @param mongoUri   an existing database to use; null starts the embedded store instead
 * @param store      how to run the embedded store when {@code mongoUri} is null
 * @param smtpPort   the port of the mail sink; 0 picks a free one
 * @param properties further Spring properties, winning over every profile file
 * @param args       further command-line arguments for Spring
 */
public record StackSettings(int httpPort, String mongoUri, StoreSettings store, int smtpPort,
                            Map<String, String> properties, List<String> args) {

    public StackSettings {
        properties = Map.copyOf(properties);
        args = List.copyOf(args);
    }

    /** A throw-away stack for tests: memory store, free ports everywhere. */
    public static StackSettings forTests() {
        return new StackSettings(0, null, StoreSettings.inMemory(), 0, Map.of(), List.of());
    }

    public boolean usesEmbeddedStore() {
        return mongoUri == null || mongoUri.isBlank();
    }
}
