package io.automark.command.campaign;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Date;

/**
 * The places for IN_PROGRESS campaigns of each workspace, owned by the command side. A place is a document whose
 * {@code _id} is the workspace and a place number below the limit; the store's unique {@code _id} decides who gets
 * the last place when many instances start campaigns at once, so the limit holds under concurrency.
 */
@Component
public class InProgressSlots {

    private final MongoCollection<Document> slots;
    private final int limit;

    public InProgressSlots(MongoTemplate mongo, @Value("${automark.workspace.max-in-progress:100}") int limit) {
        this.slots = mongo.getCollection("in_progress_slots");
        this.limit = limit;
    }

    /**
     * Takes a place for the campaign, or keeps the one it holds.
     *
     * @param sequence the sequence number of the campaign event that starts the run
     * @return true when a new place was taken, false when the campaign already held one
     * @throws InProgressLimitReached when every place is taken
     */
    public boolean claim(String workspaceId, String campaignId, long sequence, Instant now) {
        if (holds(workspaceId, campaignId)) {
            return false;
        }
        for (int place = 0; place < limit; place++) {
            if (tryTake(workspaceId, campaignId, place, sequence, now)) {
                return true;
            }
        }
        throw new InProgressLimitReached(workspaceId, limit);
    }

    /**
     * Frees the place the campaign took at or before the event with this sequence number. A place taken by a later
     * restart stays, so a late redelivery of an old stop never frees a place twice.
     */
    public void release(String workspaceId, String campaignId, long sequence) {
        slots.deleteMany(Filters.and(
                Filters.eq("workspaceId", workspaceId),
                Filters.eq("campaignId", campaignId),
                Filters.lte("sequence", sequence)));
    }

    public long taken(String workspaceId) {
        return slots.countDocuments(Filters.eq("workspaceId", workspaceId));
    }

    private boolean holds(String workspaceId, String campaignId) {
        return slots.find(Filters.and(Filters.eq("workspaceId", workspaceId), Filters.eq("campaignId", campaignId)))
                .first() != null;
    }

    private boolean tryTake(String workspaceId, String campaignId, int place, long sequence, Instant now) {
        try {
            slots.insertOne(new Document("_id", workspaceId + ":" + place)
                    .append("workspaceId", workspaceId)
                    .append("campaignId", campaignId)
                    .append("sequence", sequence)
                    .append("claimedAt", Date.from(now)));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }
}
