package io.automark.query.campaign;

import java.util.Set;

/**
 * Resolves a group filter into every group it covers. The campaign list asks it and the group tree answers it, so
 * the list follows the tree as it is now: after a group moves, its campaigns are found under its new ancestors.
 */
public interface GroupScope {

    /**
     * The group and all its sub-groups, at every level.
     *
     * @return at least the group itself, also when the tree does not know it (it then filters to nothing)
     */
    Set<String> groupAndSubGroups(String workspaceId, String groupId);
}
