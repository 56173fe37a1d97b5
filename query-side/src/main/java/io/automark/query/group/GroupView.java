package io.automark.query.group;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;

/**
 * One campaign group, kept by {@link GroupProjection}.
 *
 * @param parentId null at the top level
 * @param children the ids of its sub-groups in their order; a sub-group's position is its index here
 */
@Document(GroupView.COLLECTION)
public record GroupView(@Id String id, String workspaceId, String name, String parentId, List<String> children) {

    public static final String COLLECTION = "view_groups";

    public GroupView {
        children = children == null ? List.of() : List.copyOf(children);
    }
}
