package io.automark.command.group;

import io.automark.command.common.InvalidInputException;
import io.automark.command.common.NotFoundException;
import io.automark.command.group.GroupCommands.AddGroup;
import io.automark.command.group.GroupCommands.CheckGroupExists;
import io.automark.command.group.GroupCommands.DeleteGroup;
import io.automark.command.group.GroupCommands.MoveGroup;
import io.automark.command.group.GroupCommands.RenameGroup;
import io.automark.command.group.GroupRuleViolations.GroupDepthExceeded;
import io.automark.command.group.GroupRuleViolations.GroupMoveIntoItself;
import io.automark.command.group.GroupRuleViolations.GroupNotEmpty;
import io.automark.events.group.GroupAdded;
import io.automark.events.group.GroupDeleted;
import io.automark.events.group.GroupMoved;
import io.automark.events.group.GroupRenamed;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A workspace's tree of campaign groups: at most three levels, ordered siblings. One aggregate holds the whole
 * tree so that depth and order are checked against one consistent picture. Ungrouped is not a group of the tree;
 * it is where campaigns without a group are.
 */
@Aggregate
public class GroupTree {

    static final int MAX_DEPTH = 3;
    private static final String TOP = "";

    @AggregateIdentifier
    private String treeId;
    private String workspaceId;
    private final Map<String, String> parents = new HashMap<>();
    private final Map<String, List<String>> children = new HashMap<>();

    protected GroupTree() {
        // Axon rebuilds the tree from its events through this constructor.
    }

    public static String idOf(String workspaceId) {
        return "groups-" + workspaceId;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(AddGroup command) {
        treeId = command.treeId();
        String parent = command.parentId();
        if (parent != null) {
            checkExists(parent);
        }
        if (depthOf(parent) + 1 > MAX_DEPTH) {
            throw new GroupDepthExceeded(MAX_DEPTH);
        }

        int position = placeAmong(siblingsUnder(parent).size(), command.position());
        apply(new GroupAdded(command.workspaceId(), command.groupId(), command.name(), parent, position,
                command.now()));
    }

    @CommandHandler
    public void handle(RenameGroup command) {
        checkExists(command.groupId());

        apply(new GroupRenamed(workspaceId, command.groupId(), command.name(), command.now()));
    }

    @CommandHandler
    public void handle(MoveGroup command) {
        String group = command.groupId();
        String parent = command.parentId();
        checkExists(group);
        if (parent != null) {
            checkExists(parent);
            if (parent.equals(group) || isBelow(parent, group)) {
                throw new GroupMoveIntoItself(group);
            }
        }
        if (depthOf(parent) + heightOf(group) > MAX_DEPTH) {
            throw new GroupDepthExceeded(MAX_DEPTH);
        }

        int siblings = siblingsUnder(parent).size() - (sameParent(group, parent) ? 1 : 0);
        apply(new GroupMoved(workspaceId, group, parent, placeAmong(siblings, command.position()), command.now()));
    }

    @CommandHandler
    public void handle(DeleteGroup command, GroupCampaigns campaigns) {
        String group = command.groupId();
        checkExists(group);
        if (!children.getOrDefault(group, List.of()).isEmpty()) {
            throw new GroupNotEmpty(group, "sub-groups");
        }
        if (campaigns.anyIn(workspaceId, group)) {
            throw new GroupNotEmpty(group, "campaigns");
        }

        apply(new GroupDeleted(workspaceId, group, command.now()));
    }

    @CommandHandler
    public void handle(CheckGroupExists command) {
        checkExists(command.groupId());
    }

    private void checkExists(String groupId) {
        if (!parents.containsKey(groupId)) {
            throw new NotFoundException("group", groupId);
        }
    }

    private static int placeAmong(int siblings, Integer wanted) {
        if (wanted == null) {
            return siblings;
        }
        if (wanted < 0 || wanted > siblings) {
            throw new InvalidInputException("position", "must be from 0 to " + siblings);
        }
        return wanted;
    }

    /** Levels from the top down to and including the group; 0 for the top itself. */
    private int depthOf(String groupId) {
        int depth = 0;
        for (String at = groupId; at != null; at = parents.get(at)) {
            depth++;
        }
        return depth;
    }

    /** Levels from the group down to its deepest sub-group, the group included. */
    private int heightOf(String groupId) {
        int deepest = 0;
        for (String child : children.getOrDefault(groupId, List.of())) {
            deepest = Math.max(deepest, heightOf(child));
        }
        return deepest + 1;
    }

    private boolean isBelow(String groupId, String ancestor) {
        for (String at = parents.get(groupId); at != null; at = parents.get(at)) {
            if (at.equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    private boolean sameParent(String groupId, String parentId) {
        String current = parents.get(groupId);
        return current == null ? parentId == null : current.equals(parentId);
    }

    private List<String> siblingsUnder(String parentId) {
        return children.computeIfAbsent(parentId == null ? TOP : parentId, key -> new ArrayList<>());
    }

    @EventSourcingHandler
    void on(GroupAdded event) {
        treeId = idOf(event.workspaceId());
        workspaceId = event.workspaceId();
        parents.put(event.groupId(), event.parentId());
        siblingsUnder(event.parentId()).add(event.position(), event.groupId());
    }

    @EventSourcingHandler
    void on(GroupMoved event) {
        siblingsUnder(parents.get(event.groupId())).remove(event.groupId());
        parents.put(event.groupId(), event.parentId());
        siblingsUnder(event.parentId()).add(event.position(), event.groupId());
    }

    @EventSourcingHandler
    void on(GroupDeleted event) {
        siblingsUnder(parents.get(event.groupId())).remove(event.groupId());
        parents.remove(event.groupId());
        children.remove(event.groupId());
    }
}
