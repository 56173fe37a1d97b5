package io.automark.ops;

/**
 * The launcher's own logging: terse and on stderr for the commands that run without Spring (demo, store), so
 * that their standard output stays their result; Boot's usual set-up as soon as a Spring context starts.
 */
public final class CliLogging {

    private static final String PROPERTY = "logback.configurationFile";

    private static final String CONFIG = "automark-cli-logback.xml";

    private CliLogging() {
    }

    /** Points Logback at the launcher's configuration; must run before anything logs. */
    static void install() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, CONFIG);
        }
    }

    /** Leaves logging to Spring Boot, which would otherwise warn that it ignores the launcher's setting. */
    public static void handOverToSpring() {
        if (CONFIG.equals(System.getProperty(PROPERTY))) {
            System.clearProperty(PROPERTY);
        }
    }
}
