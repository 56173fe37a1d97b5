package io.automark.command.behavior;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.automark.command.infrastructure.LeasedBatchAttempts;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Users let in by events, waiting to go through their execution's flow: one document per batch, written before the
 * intake answers, so an accepted event is never lost. Workers claim batches with a lease, as they claim jobs.
 */
@Repository
public class BehaviorInbox {

    private final MongoCollection<Document> inbox;

    public BehaviorInbox(MongoTemplate mongo) {
        this.inbox = mongo.getCollection("behavior_inbox");
    }

    public void enqueue(EntryTrigger trigger, long batchNumber, List<EntryMember> members, Instant now) {
        List<Document> users = new ArrayList<>(members.size());
        members.forEach(member -> users.add(new Document("u", member.userId())
                .append("a", new Document(new HashMap<>(member.properties())))));
        inbox.insertOne(new Document("_id", trigger.executionId() + ":" + batchNumber)
                .append("executionId", trigger.executionId())
                .append("campaignId", trigger.campaignId())
                .append("workspaceId", trigger.workspaceId())
                .append("batchNumber", batchNumber)
                .append("users", users)
                .append("status", "PENDING")
                .append("leaseUntil", Date.from(now)));
    }

    public Optional<EntryBatch> claim(String owner, Instant now, Duration lease) {
        Document claimed = inbox.findOneAndUpdate(Filters.and(
                        Filters.in("status", "PENDING", "RUNNING"),
                        Filters.lte("leaseUntil", Date.from(now))),
                Updates.combine(
                        Updates.set("status", "RUNNING"),
                        Updates.set("owner", owner),
                        Updates.set("leaseUntil", Date.from(now.plus(lease)))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(claimed).map(BehaviorInbox::read);
    }

    public void done(String batchId) {
        inbox.updateOne(Filters.eq("_id", batchId), Updates.combine(
                Updates.set("status", "DONE"),
                Updates.set("owner", null)));
    }

    private static EntryBatch read(Document document) {
        List<EntryMember> members = new ArrayList<>();
        for (Document user : document.getList("users", Document.class)) {
            Map<String, String> properties = new HashMap<>();
            user.get("a", Document.class).forEach((key, value) -> properties.put(key, String.valueOf(value)));
            members.add(new EntryMember(user.getString("u"), properties));
        }
        return new EntryBatch(document.getString("_id"), document.getString("executionId"),
                document.getString("campaignId"), document.getString("workspaceId"),
                document.get("batchNumber", Number.class).longValue(), members, document.get("failedAttempts", 0));
    }

    /**
     * Counts a failed run of the batch and hands it back until {@code retryAt}; only the batch's holder counts, so
     * that instances agree on the count.
     *
     * @return the failed attempts so far; empty when {@code owner} no longer holds the batch
     */
    public OptionalInt countFailedAttempt(String batchId, String owner, Instant retryAt) {
        return LeasedBatchAttempts.countFailed(inbox, batchId, owner, retryAt);
    }

    /**
     * A batch of entered users as a worker gets it.
     *
     * @param failedAttempts how many runs of the batch threw so far
     */
    public record EntryBatch(String id, String executionId, String campaignId, String workspaceId, long batchNumber,
                             List<EntryMember> members, int failedAttempts) {
    }
}
