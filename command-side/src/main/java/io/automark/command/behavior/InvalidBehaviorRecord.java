package io.automark.command.behavior;

/** A record on the behaviour-event topic that is not a valid event; it is skipped, never retried. */
public class InvalidBehaviorRecord extends RuntimeException {

    public InvalidBehaviorRecord(String reason) {
        // No stack trace: the reason says all, and a dead-letter record carries it in a header.
        super(reason, null, false, false);
    }
}
