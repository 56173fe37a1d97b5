package io.automark.query.group;

import java.util.List;

/**
 * A campaign group in the tree.
 *
 * @param parentId     null at the top level
 * @param position     the place among its siblings, from 0; -1 for Ungrouped, which always comes first and
 *                     cannot be moved
 * @param hasCampaigns whether campaigns are filed in this group itself; those of its sub-groups show on them
 * @param children     its sub-groups by position; never null
 */
public record GroupNode(String id, String name, String parentId, int position, boolean hasCampaigns,
                        List<GroupNode> children) {
}
