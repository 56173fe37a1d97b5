package io.automark.events.group;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A group got a new name. */
@Revision("1")
public record GroupRenamed(String workspaceId, String groupId, String name, Instant renamedAt) {
}
