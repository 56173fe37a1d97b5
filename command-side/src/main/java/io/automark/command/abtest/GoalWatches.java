package io.automark.command.abtest;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * The users of running AB tests, watched for their goal event: one document per user, and one per test with the
 * moment its window closes. A goal is marked in the user's document first and recorded on the execution after, so
 * a goal marked by an instance that died before recording it is recorded by the next round of any instance.
 */
@Repository
public class GoalWatches {

    static final String WATCHING = "WATCHING";
    static final String ACHIEVED = "ACHIEVED";
    static final String RECORDED = "RECORDED";

    private final MongoCollection<Document> watches;
    private final MongoCollection<Document> tests;

    public GoalWatches(MongoTemplate mongo) {
        this.watches = mongo.getCollection("ab_goal_watches");
        this.tests = mongo.getCollection("ab_tests");
        watches.createIndex(Indexes.ascending("workspaceId", "userId", "eventType", "state"),
                new IndexOptions().name("events"));
        watches.createIndex(Indexes.ascending("state", "achievedAt"), new IndexOptions().name("unrecorded"));
        tests.createIndex(Indexes.ascending("decided", "closesAt"), new IndexOptions().name("closing"));
    }

    /**
     * Starts watching users who entered a test, in their groups. The test's window opens with its first users;
     * watching a user again changes nothing, so a batch run again after a crash counts nobody twice.
     */
    public void watch(AbTest test, Map<String, String> groupByUser, Instant now) {
        tests.updateOne(Filters.eq("_id", test.id()), Updates.combine(
                Updates.setOnInsert("executionId", test.executionId()),
                Updates.setOnInsert("campaignId", test.campaignId()),
                Updates.setOnInsert("workspaceId", test.workspaceId()),
                Updates.setOnInsert("componentId", test.componentId()),
                Updates.setOnInsert("closesAt", Date.from(now.plus(test.window()))),
                Updates.setOnInsert("decided", false)), new UpdateOptions().upsert(true));
        Date closesAt = tests.find(Filters.eq("_id", test.id())).first().getDate("closesAt");

        List<WriteModel<Document>> writes = new ArrayList<>(groupByUser.size());
        groupByUser.forEach((userId, group) -> writes.add(new UpdateOneModel<>(
                Filters.eq("_id", test.id() + ":" + userId),
                Updates.combine(
                        Updates.setOnInsert("testId", test.id()),
                        Updates.setOnInsert("executionId", test.executionId()),
                        Updates.setOnInsert("componentId", test.componentId()),
                        Updates.setOnInsert("workspaceId", test.workspaceId()),
                        Updates.setOnInsert("userId", userId),
                        Updates.setOnInsert("group", group),
                        Updates.setOnInsert("eventType", test.goalEventType()),
                        Updates.setOnInsert("enteredAt", Date.from(now)),
                        Updates.setOnInsert("closesAt", closesAt),
                        Updates.setOnInsert("state", WATCHING)),
                new UpdateOptions().upsert(true))));
        if (!writes.isEmpty()) {
            watches.bulkWrite(writes);
        }
    }

    /**
     * Marks the goals that events reach: same workspace, user and event type, the event between the user's entry
     * and the close of the window. Answers the watches it marked.
     */
    List<Document> achieve(String workspaceId, List<GoalEvent> events, Instant now) {
        List<Document> achieved = new ArrayList<>();
        if (events.isEmpty()) {
            return achieved;
        }
        for (Document watch : watches.find(Filters.and(
                Filters.eq("workspaceId", workspaceId),
                Filters.in("userId", events.stream().map(GoalEvent::userId).distinct().toList()),
                Filters.in("eventType", events.stream().map(GoalEvent::type).distinct().toList()),
                Filters.eq("state", WATCHING)))) {
            boolean reached = events.stream().anyMatch(event -> reaches(watch, event));
            if (reached && watches.updateOne(Filters.and(Filters.eq("_id", watch.get("_id")),
                            Filters.eq("state", WATCHING)),
                    Updates.combine(Updates.set("state", ACHIEVED), Updates.set("achievedAt", Date.from(now))))
                    .getModifiedCount() == 1) {
                achieved.add(watch);
            }
        }
        return achieved;
    }

    /** Goals marked but not recorded on their execution since before {@code before}. */
    List<Document> unrecorded(Instant before) {
        List<Document> found = new ArrayList<>();
        watches.find(Filters.and(Filters.eq("state", ACHIEVED), Filters.lt("achievedAt", Date.from(before))))
                .limit(1000)
                .forEach(found::add);
        return found;
    }

    void markRecorded(List<Object> watchIds) {
        watches.updateMany(Filters.in("_id", watchIds), Updates.set("state", RECORDED));
    }

    boolean hasUnrecorded(String testId) {
        return watches.find(Filters.and(Filters.eq("testId", testId), Filters.eq("state", ACHIEVED))).first()
                != null;
    }

    /** Tests whose window closed and whose winner is not set yet. */
    List<Document> closed(Instant now) {
        List<Document> found = new ArrayList<>();
        tests.find(Filters.and(Filters.eq("decided", false), Filters.lte("closesAt", Date.from(now))))
                .forEach(found::add);
        return found;
    }

    void markDecided(String testId) {
        tests.updateOne(Filters.eq("_id", testId), Updates.set("decided", true));
    }

    private static boolean reaches(Document watch, GoalEvent event) {
        return event.userId().equals(watch.getString("userId"))
                && event.type().equals(watch.getString("eventType"))
                && !event.occurredAt().isBefore(watch.getDate("enteredAt").toInstant())
                && event.occurredAt().isBefore(watch.getDate("closesAt").toInstant());
    }
}
