package io.automark.query.group;

import io.automark.events.group.GroupAdded;
import io.automark.events.group.GroupDeleted;
import io.automark.events.group.GroupMoved;
import io.automark.events.group.GroupRenamed;
import io.automark.query.infrastructure.QueryProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Keeps {@link GroupView}, one document per group, and {@link GroupTreeView}, one per workspace. Siblings are kept
 * in order as lists (a group's {@code children}, the workspace's {@code topLevel}), so a reorder changes one list
 * in one write instead of renumbering every sibling.
 *
 * <p>All group events of a workspace come from one aggregate, in sequence. Re-applying an older reorder on top of
 * newer ones would scramble the order, so an event is applied only when it is newer than the last one recorded for
 * its workspace, and that record is written last. Each handler also leaves the same result when it runs twice in a
 * row, which covers a failure between its own writes and the record.
 */
@Component
@ProcessingGroup(QueryProcessingGroups.GROUPS)
public class GroupProjection {

    private static final Logger log = LoggerFactory.getLogger(GroupProjection.class);

    private final MongoTemplate mongo;

    public GroupProjection(MongoTemplate mongo) {
        this.mongo = mongo;
        createIndexes();
    }

    @EventHandler
    public void on(GroupAdded event, @SequenceNumber long sequence) {
        if (appliedBefore(event.workspaceId(), sequence)) {
            return;
        }

        Update group = new Update()
                .set("workspaceId", event.workspaceId())
                .set("name", event.name())
                .set("parentId", event.parentId())
                .setOnInsert("children", List.of());
        mongo.upsert(byId(event.groupId()), group, GroupView.class);
        place(event.workspaceId(), event.groupId(), event.parentId(), event.position());

        recordApplied(event.workspaceId(), sequence);
    }

    @EventHandler
    public void on(GroupRenamed event, @SequenceNumber long sequence) {
        if (appliedBefore(event.workspaceId(), sequence)) {
            return;
        }

        mongo.updateFirst(byId(event.groupId()), new Update().set("name", event.name()), GroupView.class);

        recordApplied(event.workspaceId(), sequence);
    }

    /** The group's sub-groups stay its children, so they move with it; so do its campaigns, filed by group id. */
    @EventHandler
    public void on(GroupMoved event, @SequenceNumber long sequence) {
        if (appliedBefore(event.workspaceId(), sequence)) {
            return;
        }

        mongo.updateFirst(byId(event.groupId()), new Update().set("parentId", event.parentId()), GroupView.class);
        place(event.workspaceId(), event.groupId(), event.parentId(), event.position());

        recordApplied(event.workspaceId(), sequence);
    }

    @EventHandler
    public void on(GroupDeleted event, @SequenceNumber long sequence) {
        if (appliedBefore(event.workspaceId(), sequence)) {
            return;
        }

        unlink(event.workspaceId(), event.groupId());
        mongo.remove(byId(event.groupId()), GroupView.class);

        recordApplied(event.workspaceId(), sequence);
    }

    /** A replay starts from nothing: the records of applied events would otherwise make it skip every event. */
    @ResetHandler
    public void onReset() {
        mongo.dropCollection(GroupView.class);
        mongo.dropCollection(GroupTreeView.class);
        createIndexes();
    }

    /** Takes the group out of whatever list holds it, then inserts it into its new siblings at the position. */
    private void place(String workspaceId, String groupId, String parentId, int position) {
        unlink(workspaceId, groupId);

        if (parentId == null) {
            mongo.upsert(byId(workspaceId), insertAt("topLevel", groupId, position), GroupTreeView.class);
        } else {
            mongo.updateFirst(byId(parentId), insertAt("children", groupId, position), GroupView.class);
        }
    }

    private void unlink(String workspaceId, String groupId) {
        Query holders = Query.query(Criteria.where("workspaceId").is(workspaceId).and("children").is(groupId));

        mongo.updateMulti(holders, new Update().pull("children", groupId), GroupView.class);
        mongo.updateFirst(byId(workspaceId), new Update().pull("topLevel", groupId), GroupTreeView.class);
    }

    private static Update insertAt(String list, String groupId, int position) {
        return new Update().push(list)
                .atPosition(position)
                .value(groupId);
    }

    private boolean appliedBefore(String workspaceId, long sequence) {
        GroupTreeView tree = mongo.findById(workspaceId, GroupTreeView.class);
        boolean applied = tree != null && tree.version() != null && tree.version() > sequence;

        if (applied) {
            log.debug("Group event [{}] of workspace [{}] was applied before; skipped", sequence, workspaceId);
        }
        return applied;
    }

    private void recordApplied(String workspaceId, long sequence) {
        mongo.upsert(byId(workspaceId), new Update().max("version", sequence + 1), GroupTreeView.class);
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    private void createIndexes() {
        mongo.indexOps(GroupView.class).createIndex(new Index()
                .on("workspaceId", Sort.Direction.ASC)
                .named("workspace"));
    }
}
