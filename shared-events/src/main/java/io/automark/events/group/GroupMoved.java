package io.automark.events.group;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A group moved, with its sub-groups and campaigns, to another parent or another place among its siblings.
 *
 * @param parentId null for the top level
 * @param position 0-based place among its new siblings
 */
@Revision("1")
public record GroupMoved(String workspaceId, String groupId, String parentId, int position, Instant movedAt) {
}
