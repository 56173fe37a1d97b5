package io.automark.ops.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The heap options of a child JVM (the service, the store): an optional limit, and an exit on
 * {@code OutOfMemoryError}, so that a heap too small shows as a dead process rather than one that limps on with
 * broken threads.
 *
 * @param xmx the {@code -Xmx} value such as {@code 512m}; empty for the JVM's default
 */
record HeapLimit(Optional<String> xmx) {

    /** The value that runs the JVM without {@code -Xmx}. */
    static final String NONE = "none";

    /**
     * Reads an {@code --xmx} option.
     *
     * @throws IllegalArgumentException unless it is {@value #NONE} or a JVM memory size
     */
    static HeapLimit of(String xmx) {
        if (xmx == null || xmx.isBlank() || NONE.equalsIgnoreCase(xmx.trim())) {
            return new HeapLimit(Optional.empty());
        }

        Figures.memorySize(xmx);
        return new HeapLimit(Optional.of(xmx.trim()));
    }

    List<String> options() {
        List<String> options = new ArrayList<>();
        xmx.ifPresent(size -> options.add("-Xmx" + size));
        options.add("-XX:+ExitOnOutOfMemoryError");
        return options;
    }

    /** The limit in bytes; empty without {@code -Xmx}. */
    Optional<Long> limitBytes() {
        return xmx.map(Figures::memorySize);
    }

    String describe() {
        return xmx.map(size -> "-Xmx" + size).orElse("no -Xmx (the JVM's default heap limit)");
    }
}
