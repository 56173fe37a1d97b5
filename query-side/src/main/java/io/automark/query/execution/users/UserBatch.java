package io.automark.query.execution.users;

import io.automark.events.execution.UserResult;
import io.automark.query.execution.FieldKey;
import org.bson.Document;

import java.util.List;

/**
 * The layout of the per-user execution details: one document per recorded batch of an execution, kept by
 * {@link ExecutionUserProjection}, so that a batch of a thousand users is one insert and costs each user one string
 * per component it passed, never a document of its own.
 *
 * <pre>
 * {_id: "executionId:batch", executionId, workspaceId, campaignId, batch, at, expireAt,
 *  users: [every user of the batch, once],
 *  components: {"&lt;component id as a FieldKey&gt;": {
 *      counts: {"&lt;result&gt;": listed users},
 *      groups: [{result, branch?, reason?, users: [listed], resumed: [no longer listed]?}]}}}
 * </pre>
 *
 * <p>A group holds the users with one and the same outcome at the component, in the order the batch first names
 * each outcome. {@code at} is when the batch was recorded, {@code expireAt} that plus the retention. A user whose
 * wait at a component ended in a later batch moves from a WAITING group's {@code users} to its {@code resumed}
 * (see {@link ResumedWaits}): lists and counts no longer show them there, their route still does.
 */
public final class UserBatch {

    public static final String COLLECTION = "view_execution_user_batches";

    static final String ID = "_id";
    static final String EXECUTION_ID = "executionId";
    static final String WORKSPACE_ID = "workspaceId";
    static final String CAMPAIGN_ID = "campaignId";
    static final String BATCH = "batch";
    static final String AT = "at";
    static final String EXPIRE_AT = "expireAt";
    static final String USERS = "users";
    static final String COMPONENTS = "components";

    static final String COUNTS = "counts";
    static final String GROUPS = "groups";

    private UserBatch() {
    }

    public static String idOf(String executionId, long batch) {
        return executionId + ":" + batch;
    }

    static String componentPath(String componentId) {
        return COMPONENTS + "." + FieldKey.encode(componentId);
    }

    static String countsPath(String componentId) {
        return componentPath(componentId) + "." + COUNTS;
    }

    static String countPath(String componentId, UserResult result) {
        return countsPath(componentId) + "." + result.name();
    }

    static String groupsPath(String componentId) {
        return componentPath(componentId) + "." + GROUPS;
    }

    /** A path into one group by its position, which never changes: groups are only ever added with their batch. */
    static String groupPath(String componentId, int index) {
        return groupsPath(componentId) + "." + index;
    }

    /** The component entries of a (possibly projected) batch document, keyed by {@link FieldKey}. */
    static Document componentsOf(Document batch) {
        return batch.get(COMPONENTS, new Document());
    }

    /** The groups of one component entry, empty when the batch did not reach it. */
    static List<OutcomeGroup> groupsOf(Document batch, String componentId) {
        Document component = componentsOf(batch).get(FieldKey.encode(componentId), new Document());
        return groupsOf(component);
    }

    static List<OutcomeGroup> groupsOf(Document component) {
        return component.getList(GROUPS, Document.class, List.of()).stream()
                .map(OutcomeGroup::of)
                .toList();
    }
}
