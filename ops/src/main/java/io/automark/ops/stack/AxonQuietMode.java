package io.automark.ops.stack;

/**
 * Keeps Axon from calling its vendor's update service and from printing its console banner: the local stack
 * runs offline, and these switches are read from system properties before any Spring property is known.
 */
public final class AxonQuietMode {

    private AxonQuietMode() {
    }

    /** Sets the switches unless the caller set them already. */
    public static void apply() {
        setIfAbsent("axoniq.update-checker.disabled", "true");
        setIfAbsent("disable-axoniq-console-message", "true");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
