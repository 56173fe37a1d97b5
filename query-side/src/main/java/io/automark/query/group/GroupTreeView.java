package io.automark.query.group;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;

/**
 * What {@link GroupProjection} keeps per workspace besides its groups: the order of the top level, and how far the
 * workspace's group events have been applied.
 *
 * @param id       the workspace id
 * @param topLevel the ids of the top-level groups in their order; a group's position is its index here
 * @param version  the sequence number of the last group event applied, plus one; null before the first
 */
@Document(GroupTreeView.COLLECTION)
public record GroupTreeView(@Id String id, List<String> topLevel, Long version) {

    public static final String COLLECTION = "view_group_trees";

    public GroupTreeView {
        topLevel = topLevel == null ? List.of() : List.copyOf(topLevel);
    }
}
