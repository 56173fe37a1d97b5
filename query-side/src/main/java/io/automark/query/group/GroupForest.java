package io.automark.query.group;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A workspace's groups arranged as a tree in memory: a workspace holds few groups, and reading them all at once
 * is one query. A group belongs under the parent it names; its place there comes from the parent's ordered list.
 * While a move is half applied a group may be missing from that list: it then sorts last, by name.
 */
final class GroupForest {

    private static final String TOP = "";

    private final Map<String, GroupView> byId = new HashMap<>();
    private final Map<String, List<GroupView>> childrenOf = new HashMap<>();

    GroupForest(List<GroupView> groups, List<String> topLevel) {
        groups.forEach(group -> byId.put(group.id(), group));
        groups.forEach(group -> childrenOf.computeIfAbsent(keyOf(group.parentId()), key -> new ArrayList<>())
                .add(group));
        childrenOf.forEach((parent, children) -> children.sort(orderUnder(parent, topLevel)));
    }

    /** The groups directly under a parent, in order; null names the top level. */
    List<GroupView> childrenOf(String parentId) {
        return childrenOf.getOrDefault(keyOf(parentId), List.of());
    }

    /** The group and every group below it; just the group when the tree does not know it. */
    Set<String> withDescendants(String groupId) {
        Set<String> found = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>(List.of(groupId));

        while (!pending.isEmpty()) {
            String next = pending.pop();
            if (found.add(next)) {
                childrenOf(next).forEach(child -> pending.push(child.id()));
            }
        }
        return found;
    }

    /** The groups whose names contain the text, ignoring case, together with all their ancestors. */
    Set<String> matchesWithAncestors(String text) {
        Set<String> kept = new LinkedHashSet<>();

        byId.values().stream()
                .filter(group -> SearchName.matches(group.name(), text))
                .forEach(group -> addWithAncestors(group, kept));
        return kept;
    }

    /** Walks up from the group; it stops at the top, or at an ancestor kept already (its own are kept too). */
    private void addWithAncestors(GroupView group, Set<String> kept) {
        GroupView at = group;

        while (at != null && kept.add(at.id())) {
            at = at.parentId() == null ? null : byId.get(at.parentId());
        }
    }

    private Comparator<GroupView> orderUnder(String parent, List<String> topLevel) {
        List<String> order = TOP.equals(parent) ? topLevel : orderOf(byId.get(parent));

        return Comparator.<GroupView>comparingInt(group -> rank(order, group.id()))
                .thenComparing(group -> Objects.requireNonNullElse(group.name(), ""))
                .thenComparing(GroupView::id);
    }

    private static List<String> orderOf(GroupView parent) {
        return parent == null ? List.of() : parent.children();
    }

    private static int rank(List<String> order, String groupId) {
        int index = order.indexOf(groupId);
        return index < 0 ? Integer.MAX_VALUE : index;
    }

    private static String keyOf(String parentId) {
        return parentId == null ? TOP : parentId;
    }
}
