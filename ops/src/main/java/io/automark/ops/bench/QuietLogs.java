package io.automark.ops.bench;

import ch.qos.logback.classic.Level;
import org.slf4j.LoggerFactory;

/** Keeps chatty client libraries (Kafka's admin client prints every setting) to warnings in the benchmark's output. */
final class QuietLogs {

    private QuietLogs() {
    }

    static void warningsOnly(String loggerName) {
        if (LoggerFactory.getLogger(loggerName) instanceof ch.qos.logback.classic.Logger logger) {
            logger.setLevel(Level.WARN);
        }
    }
}
