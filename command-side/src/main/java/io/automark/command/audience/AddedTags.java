package io.automark.command.audience;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tags that TAG components added to the users of audience chunks, kept beside the chunks rather than in them: one
 * document per chunk, holding one entry per tagging (which users, which tags, and who added them).
 *
 * <p>Rewriting a chunk of a thousand users to change a quarter of their tag lists cost the store more than the
 * rest of the batch, on MongoDB and on the embedded server alike: both write the whole document again. An entry is
 * only the user ids, and the first tagging of a chunk is an insert. Entries are added, never changed, so taggings
 * of one chunk at once all land, and a tagging done again after a crash is recognised by its {@code by} and added
 * once.
 *
 * <p>Known shortcoming: entries are never folded into their chunk, so a chunk tagged by many runs reads slower, and
 * a document of a thousand-user chunk reaches MongoDB's 16 MB limit after some thousand taggings of all its users.
 */
final class AddedTags {

    static final String COLLECTION = "audience_added_tags";

    private final MongoCollection<Document> added;

    AddedTags(MongoCollection<Document> added) {
        this.added = added;
    }

    /**
     * Adds tags to users of one chunk, once per {@code by}.
     *
     * @param by names the tagging, the same on every attempt of it: a component of one batch of one execution
     */
    void add(String chunkId, String by, Set<String> userIds, Set<String> tags) {
        Document entry = new Document("by", by)
                .append("users", new ArrayList<>(userIds))
                .append("tags", new ArrayList<>(tags));
        try {
            added.insertOne(new Document("_id", chunkId).append("added", List.of(entry)));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            added.updateOne(Filters.and(Filters.eq("_id", chunkId), Filters.ne("added.by", by)),
                    Updates.push("added", entry));
        }
    }

    /** The tags added to the users of one chunk, by user id; users who got none are absent. */
    Map<String, Set<String>> of(String chunkId) {
        Document found = added.find(Filters.eq("_id", chunkId)).first();
        if (found == null) {
            return Map.of();
        }

        Map<String, Set<String>> byUser = new HashMap<>();
        for (Document entry : found.getList("added", Document.class)) {
            List<String> tags = entry.getList("tags", String.class);
            for (String userId : entry.getList("users", String.class)) {
                byUser.computeIfAbsent(userId, id -> new LinkedHashSet<>()).addAll(tags);
            }
        }
        return byUser;
    }

    void remove(String chunkId) {
        added.deleteOne(Filters.eq("_id", chunkId));
    }
}
