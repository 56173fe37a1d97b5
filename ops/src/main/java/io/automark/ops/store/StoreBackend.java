package io.automark.ops.store;

/** Where the embedded store keeps its documents. */
public enum StoreBackend {

    /** An H2 MVStore file: survives a restart, commits about once a second. */
    H2,

    /** The heap: fastest, gone when the process ends. */
    MEMORY
}
