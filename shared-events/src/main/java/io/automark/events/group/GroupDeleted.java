package io.automark.events.group;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** An empty group was deleted. */
@Revision("1")
public record GroupDeleted(String workspaceId, String groupId, Instant deletedAt) {
}
