package io.automark.command.behavior;

import java.util.Map;

/** A user let in by an event, with the event's properties as text; they serve as the user's attributes. */
public record EntryMember(String userId, Map<String, String> properties) {
}
