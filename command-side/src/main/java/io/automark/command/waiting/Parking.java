package io.automark.command.waiting;

import java.time.Instant;

/**
 * Why and until when a user waits at a component.
 *
 * @param wakeAt  when the wait ends if nothing else ends it first
 * @param onTime  how the user leaves when {@code wakeAt} comes
 * @param event   the event that ends the wait early; null when only time ends it
 * @param onEvent how the user leaves when that event comes; null without an event
 */
public record Parking(Instant wakeAt, Exit onTime, EventMatch event, Exit onEvent) {

    public static Parking until(Instant wakeAt, Exit onTime) {
        return new Parking(wakeAt, onTime, null, null);
    }
}
