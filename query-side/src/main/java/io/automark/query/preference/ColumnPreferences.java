package io.automark.query.preference;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * One user's choice of columns for the campaign list in one workspace. Unlike the read models this is no
 * projection: {@link ColumnPreferencesController} writes it directly, and it is not rebuilt by a replay.
 *
 * @param id      {@code workspaceId:userId}; a workspace id holds no colon, so the key is unambiguous
 * @param columns the columns in the order the user arranged them
 */
@Document(ColumnPreferences.COLLECTION)
public record ColumnPreferences(@Id String id, String workspaceId, String userId, List<String> columns,
                                Instant updatedAt) {

    public static final String COLLECTION = "view_preferences";

    public static String idOf(String workspaceId, String userId) {
        return workspaceId + ":" + userId;
    }
}
