package io.automark.query.execution.users;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import io.automark.events.execution.ComponentOutcomes;
import io.automark.events.execution.ExecutionBatchRecorded;
import io.automark.events.execution.UserResult;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Takes users whose wait at a component ended out of the WAITING groups of the earlier batches they waited in: a
 * component's list then shows only their latest result there, as the execution's figures count it, while their
 * route keeps both steps. A user is moved from the group's {@code users} to its {@code resumed} and the WAITING
 * count goes down, in one update guarded by the users still being listed, so a redelivered event moves and counts
 * nobody twice.
 *
 * <p>The earlier batches are found by a query on the execution (a scan on the embedded server): resumed batches are
 * the minority, and this keeps the common path one insert.
 */
final class ResumedWaits {

    private static final Logger log = LoggerFactory.getLogger(ResumedWaits.class);

    private final MongoCollection<Document> batches;

    ResumedWaits(MongoCollection<Document> batches) {
        this.batches = batches;
    }

    /** Moves the users of {@code resumed}, recorded by {@code event}, out of their earlier WAITING groups. */
    void settle(ExecutionBatchRecorded event, ComponentOutcomes resumed) {
        String componentId = resumed.componentId();
        Set<String> users = resumed.groups().stream()
                .flatMap(group -> group.userIds().stream())
                .collect(Collectors.toSet());

        for (Document earlier : waitingBefore(event, componentId)) {
            List<OutcomeGroup> groups = UserBatch.groupsOf(earlier, componentId);
            for (int index = 0; index < groups.size(); index++) {
                List<String> moving = waitingAmong(groups.get(index), users);
                if (!moving.isEmpty()) {
                    move(earlier.getString(UserBatch.ID), componentId, index, moving);
                }
            }
        }
    }

    /**
     * The other batches of the execution that still list users as WAITING at the component, with only that
     * component's groups. Later batches are left out, so that a redelivery after they were written does not take a
     * later wait of the same user for this one.
     */
    private List<Document> waitingBefore(ExecutionBatchRecorded event, String componentId) {
        Bson filter = Filters.and(
                Filters.eq(UserBatch.EXECUTION_ID, event.executionId()),
                Filters.ne(UserBatch.ID, UserBatch.idOf(event.executionId(), event.batchNumber())),
                Filters.lte(UserBatch.AT, Date.from(event.recordedAt())),
                Filters.gt(UserBatch.countPath(componentId, UserResult.WAITING), 0));
        String groups = UserBatch.groupsPath(componentId);
        Bson projection = Projections.include(groups + "." + OutcomeGroup.RESULT, groups + "." + OutcomeGroup.USERS);

        // Collected before any update, so that no cursor is open on documents being changed.
        return batches.find(filter).projection(projection).into(new ArrayList<>());
    }

    private static List<String> waitingAmong(OutcomeGroup group, Set<String> users) {
        if (group.result() != UserResult.WAITING) {
            return List.of();
        }
        return group.users().stream()
                .filter(users::contains)
                .toList();
    }

    private void move(String batchId, String componentId, int index, List<String> users) {
        String group = UserBatch.groupPath(componentId, index);
        Bson stillListed = Filters.and(
                Filters.eq(UserBatch.ID, batchId),
                Filters.all(group + "." + OutcomeGroup.USERS, users));
        Bson update = Updates.combine(
                Updates.pullAll(group + "." + OutcomeGroup.USERS, users),
                Updates.pushEach(group + "." + OutcomeGroup.RESUMED, users),
                Updates.inc(UserBatch.countPath(componentId, UserResult.WAITING), -users.size()));

        UpdateResult result = batches.updateOne(stillListed, update);

        if (result.getModifiedCount() == 0) {
            log.debug("Users of batch [{}] waiting at component [{}] were moved meanwhile; left as they are",
                    batchId, componentId);
        }
    }
}
