package io.automark.events.group;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A campaign group was added to a workspace's tree.
 *
 * @param parentId null for a top-level group
 * @param position 0-based place among its siblings; later siblings move one place down
 */
@Revision("1")
public record GroupAdded(String workspaceId, String groupId, String name, String parentId, int position,
                         Instant addedAt) {
}
