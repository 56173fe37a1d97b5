package io.automark.command.waiting;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.automark.command.audience.AudienceMember;
import io.automark.events.execution.UserResult;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Users waiting at a component, one document each, shared by every command-side instance. A million waiting users
 * are a million small documents and an index on their wake time: no timer and no thread each.
 *
 * <p>A wait ends by time, by a matching event, or by a stop of its execution. Waking moves due users into a
 * numbered batch ({@code batch}); the moved documents stay for a week, so a batch recorded again after a crash
 * cannot put a user back to wait a second time.
 */
@Repository
public class WaitingUsers {

    static final String BY_TIME = "TIME";
    static final String BY_EVENT = "EVENT";
    static final String BY_STOP = "STOP";
    private static final Duration KEPT_AFTER_MOVE = Duration.ofDays(7);

    private final MongoCollection<Document> waits;

    public WaitingUsers(MongoTemplate mongo) {
        this.waits = mongo.getCollection("execution_waits");
        waits.createIndex(Indexes.ascending("batch", "wakeAt"), new IndexOptions().name("due"));
        waits.createIndex(Indexes.ascending("workspaceId", "userId", "eventType"), new IndexOptions().name("events"));
        waits.createIndex(Indexes.ascending("executionId", "batch"), new IndexOptions().name("execution"));
        waits.createIndex(Indexes.ascending("executionId", "componentId", "batch", "_id"),
                new IndexOptions().name("due_by_id"));
        waits.createIndex(Indexes.ascending("movedAt"), new IndexOptions().name("moved"));
    }

    /**
     * Parks users of one execution. A user already parked (or parked and moved on) at the component stays as is,
     * so that a batch run again after a crash parks nobody twice.
     */
    public void park(String executionId, String campaignId, String workspaceId, Collection<ParkedUser> users,
                     Instant now) {
        if (users.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>(users.size());
        for (ParkedUser user : users) {
            Document wait = parked(executionId, campaignId, workspaceId, user, now);
            writes.add(new UpdateOneModel<>(Filters.eq("_id", wait.getString("_id")),
                    new Document("$setOnInsert", wait), new UpdateOptions().upsert(true)));
        }
        waits.bulkWrite(writes);
    }

    /** Ends the waits of the users an event matches (same workspace, user and type; the match's properties). */
    public int wakeOnEvents(String workspaceId, List<WaitEvent> events, Instant now) {
        if (events.isEmpty()) {
            return 0;
        }
        Bson candidates = Filters.and(
                Filters.eq("workspaceId", workspaceId),
                Filters.in("userId", events.stream().map(WaitEvent::userId).distinct().toList()),
                Filters.in("eventType", events.stream().map(WaitEvent::type).distinct().toList()),
                Filters.eq("batch", null),
                Filters.eq("wokenBy", BY_TIME));
        int woken = 0;
        for (Document wait : waits.find(candidates)) {
            if (events.stream().anyMatch(event -> matches(wait, event))) {
                woken += (int) waits.updateOne(Filters.and(Filters.eq("_id", wait.get("_id")),
                                Filters.eq("batch", null), Filters.eq("wokenBy", BY_TIME)),
                        Updates.combine(Updates.set("wokenBy", BY_EVENT), Updates.set("wakeAt", Date.from(now))))
                        .getModifiedCount();
            }
        }
        return woken;
    }

    /** Ends every wait of a stopped execution; the users leave as STOPPED. */
    public void wakeStopped(String executionId, Instant now) {
        waits.updateMany(Filters.and(Filters.eq("executionId", executionId), Filters.eq("batch", null)),
                Updates.combine(Updates.set("wokenBy", BY_STOP), Updates.set("wakeAt", Date.from(now))));
    }

    /**
     * One execution and component with users whose wait is over and who are not moved yet; any such, not the
     * earliest: every due user is moved in the rounds that follow anyway, and sorting every due wait by its time on
     * each call made the embedded server sort all of a stopped run's users once per thousand it moved.
     */
    Optional<Document> firstDue(Instant now) {
        return Optional.ofNullable(waits.find(Filters.and(Filters.eq("batch", null),
                        Filters.lte("wakeAt", Date.from(now))))
                .projection(Projections.include("executionId", "campaignId", "workspaceId", "componentId"))
                .first());
    }

    /**
     * Moves up to {@code limit} due users of one execution and component into batch {@code batch}: the first ones by
     * {@code _id}. Users another instance moved first are left to it.
     *
     * <p>The move names the range from the first to the last id found rather than the ids themselves: with the rest
     * of the filter, the range holds exactly those users (and any that fell due in between, which may go along). On
     * the embedded server, which serves neither form from an index, checking each wait against a range costs two
     * comparisons where a thousand ids cost a thousand; stopping 20,000 waiting users took 44 s that way.
     *
     * <p>Known shortcoming: on the embedded server each move still scans every wait of the collection, so waking or
     * stopping N users costs N squared over a thousand visits; MongoDB serves it from the {@code due_by_id} index.
     * Waits grouped per parked batch, addressed by {@code _id}, would make it linear on both.
     */
    long moveDue(String executionId, String componentId, long batch, int limit, Instant now) {
        Bson due = Filters.and(Filters.eq("executionId", executionId), Filters.eq("componentId", componentId),
                Filters.eq("batch", null), Filters.lte("wakeAt", Date.from(now)));
        List<String> ids = new ArrayList<>();
        waits.find(due)
                .projection(Projections.include("_id"))
                .sort(Sorts.ascending("_id"))
                .limit(limit)
                .forEach(wait -> ids.add(wait.getString("_id")));
        if (ids.isEmpty()) {
            return 0;
        }

        Bson range = Filters.and(due, Filters.gte("_id", ids.get(0)), Filters.lte("_id", ids.get(ids.size() - 1)));
        return waits.updateMany(range, Updates.combine(
                Updates.set("batch", batch),
                Updates.set("inboxed", false),
                Updates.set("movedAt", Date.from(now)))).getModifiedCount();
    }

    /** The users moved into a batch, with how each leaves. */
    public List<WokenUser> moved(String executionId, long batch) {
        List<WokenUser> users = new ArrayList<>();
        waits.find(Filters.and(Filters.eq("executionId", executionId), Filters.eq("batch", batch)))
                .forEach(wait -> users.add(woken(wait)));
        return users;
    }

    /** Batches whose users were moved but not handed to the inbox, most likely because an instance died between. */
    List<Document> movedNotInboxed(Instant movedBefore) {
        List<Document> found = new ArrayList<>();
        waits.find(Filters.and(Filters.eq("inboxed", false), Filters.lte("movedAt", Date.from(movedBefore))))
                .projection(Projections.include("executionId", "campaignId", "workspaceId", "componentId", "batch"))
                .limit(100)
                .forEach(found::add);
        return found;
    }

    void markInboxed(String executionId, long batch) {
        waits.updateMany(Filters.and(Filters.eq("executionId", executionId), Filters.eq("batch", batch)),
                Updates.set("inboxed", true));
    }

    /**
     * How many users of the execution still wait, or were moved but their batch is not open yet; users in an open
     * batch are the batch's to count.
     */
    public long waiting(String executionId) {
        return waits.countDocuments(Filters.and(Filters.eq("executionId", executionId),
                Filters.ne("inboxed", true)));
    }

    /** Forgets waits moved on long ago; a TTL index would do it on MongoDB, but the embedded server has none. */
    void forgetMovedBefore(Instant now) {
        waits.deleteMany(Filters.lt("movedAt", Date.from(now.minus(KEPT_AFTER_MOVE))));
    }

    private static Document parked(String executionId, String campaignId, String workspaceId, ParkedUser user,
                                   Instant now) {
        Parking parking = user.parking();
        Map<String, String> earlier = new HashMap<>();
        user.earlier().forEach((component, result) -> earlier.put(component, result.name()));
        Document wait = new Document("_id", executionId + ":" + user.componentId() + ":" + user.member().userId())
                .append("executionId", executionId)
                .append("campaignId", campaignId)
                .append("workspaceId", workspaceId)
                .append("componentId", user.componentId())
                .append("userId", user.member().userId())
                .append("attributes", new Document(new HashMap<>(user.member().attributes())))
                .append("tags", new ArrayList<>(user.member().tags()))
                .append("earlier", new Document(new HashMap<>(earlier)))
                .append("audienceId", user.audienceId())
                .append("chunk", user.chunk())
                .append("parkedAt", Date.from(now))
                .append("wakeAt", Date.from(parking.wakeAt()))
                .append("wokenBy", BY_TIME)
                .append("onTime", exit(parking.onTime()))
                .append("batch", null);
        if (parking.event() != null) {
            Document properties = new Document();
            parking.event().properties().forEach(properties::append);
            wait.append("eventType", parking.event().eventType())
                    .append("eventProperties", properties)
                    .append("onEvent", exit(parking.onEvent()));
        }
        return wait;
    }

    private static Document exit(Exit exit) {
        return new Document("result", exit.result().name()).append("branch", exit.branch());
    }

    private static boolean matches(Document wait, WaitEvent event) {
        if (!event.userId().equals(wait.getString("userId"))
                || event.occurredAt().isBefore(wait.getDate("parkedAt").toInstant())) {
            return false;
        }
        Map<String, List<String>> properties = new HashMap<>();
        wait.get("eventProperties", Document.class)
                .forEach((name, values) -> properties.put(name, ((List<?>) values).stream().map(String::valueOf)
                        .toList()));
        return new EventMatch(wait.getString("eventType"), properties).matches(event.type(), event.properties());
    }

    private static WokenUser woken(Document wait) {
        Map<String, String> attributes = new HashMap<>();
        wait.get("attributes", Document.class).forEach((key, value) -> attributes.put(key, String.valueOf(value)));
        Map<String, UserResult> earlier = new HashMap<>();
        wait.get("earlier", Document.class)
                .forEach((component, result) -> earlier.put(component, UserResult.valueOf(String.valueOf(result))));
        AudienceMember member = new AudienceMember(wait.getString("userId"), attributes,
                new HashSet<>(wait.getList("tags", String.class)));
        Number chunk = wait.get("chunk", Number.class);
        return new WokenUser(member, exitOf(wait), earlier, wait.getString("audienceId"),
                chunk == null ? null : chunk.longValue());
    }

    private static Exit exitOf(Document wait) {
        return switch (wait.getString("wokenBy")) {
            case BY_STOP -> new Exit(UserResult.STOPPED, null);
            case BY_EVENT -> readExit(wait.get("onEvent", Document.class));
            default -> readExit(wait.get("onTime", Document.class));
        };
    }

    private static Exit readExit(Document exit) {
        return new Exit(UserResult.valueOf(exit.getString("result")), exit.getString("branch"));
    }
}
