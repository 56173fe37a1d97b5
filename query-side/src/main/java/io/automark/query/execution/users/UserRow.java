package io.automark.query.execution.users;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One user in one execution, kept by {@link ExecutionUserProjection}: every step the user took, for the route, and
 * the latest step per component, so that listing a component's users filters on plain fields. Rows expire
 * {@link UserDetailsProperties#retention()} after the batch that last wrote them was recorded.
 *
 * @param id    {@code executionId:userId}
 * @param last  the latest step per component, keyed by {@link io.automark.query.execution.FieldKey}
 */
@Document(UserRow.COLLECTION)
public record UserRow(@Id String id, String executionId, String userId, String workspaceId, String campaignId,
                      List<UserStep> steps, Map<String, UserStep> last, Instant expireAt) {

    public static final String COLLECTION = "view_execution_users";

    public static String idOf(String executionId, String userId) {
        return executionId + ":" + userId;
    }
}
