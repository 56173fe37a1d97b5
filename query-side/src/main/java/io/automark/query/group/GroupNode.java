package io.automark.query.group;

import java.util.List;

/**
 * A campaign group in the tree.
 *
 * @param parentId null at the top level
 * @param position the place among its siblings, from 0
 */
public record GroupNode(String id, String name, String parentId, int position, boolean hasCampaigns,
                        List<GroupNode> children) {
}
