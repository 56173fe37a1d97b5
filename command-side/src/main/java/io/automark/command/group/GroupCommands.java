package io.automark.command.group;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The commands a workspace's group tree takes. The tree's id is {@link GroupTree#idOf(String)}. */
public final class GroupCommands {

    private GroupCommands() {
    }

    /** @param position null to add after the last sibling */
    public record AddGroup(@TargetAggregateIdentifier String treeId, String workspaceId, String groupId, String name,
                           String parentId, Integer position, Instant now) {
    }

    public record RenameGroup(@TargetAggregateIdentifier String treeId, String groupId, String name, Instant now) {
    }

    public record MoveGroup(@TargetAggregateIdentifier String treeId, String groupId, String parentId, int position,
                            Instant now) {
    }

    public record DeleteGroup(@TargetAggregateIdentifier String treeId, String groupId, Instant now) {
    }

    /** Answers normally when the group exists, with NOT_FOUND otherwise; changes nothing. */
    public record CheckGroupExists(@TargetAggregateIdentifier String treeId, String groupId) {
    }
}
