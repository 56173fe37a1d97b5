package io.automark.command.audience;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The audience store. Members are written in chunks, one document per chunk keyed by audience and chunk number,
 * so an execution reads a batch with one lookup by {@code _id}, which is fast on MongoDB and on the embedded server.
 */
@Repository
public class AudienceStore {

    static final String AUDIENCES = "audiences";
    static final String CHUNKS = "audience_chunks";

    private final MongoCollection<Document> audiences;
    private final MongoCollection<Document> chunks;

    public AudienceStore(MongoTemplate mongo) {
        this.audiences = mongo.getCollection(AUDIENCES);
        this.chunks = mongo.getCollection(CHUNKS);
    }

    public void begin(String audienceId, String workspaceId, String name, Instant now) {
        audiences.insertOne(new Document("_id", audienceId)
                .append("workspaceId", workspaceId)
                .append("name", name)
                .append("size", 0L)
                .append("chunks", 0L)
                .append("ready", false)
                .append("createdAt", Date.from(now)));
    }

    public void writeChunk(String audienceId, long chunkNumber, List<AudienceMember> members) {
        List<Document> users = new ArrayList<>(members.size());
        for (AudienceMember member : members) {
            users.add(new Document("u", member.userId())
                    .append("a", new Document(new HashMap<>(member.attributes())))
                    .append("t", new ArrayList<>(member.tags())));
        }
        chunks.insertOne(new Document("_id", chunkId(audienceId, chunkNumber))
                .append("audienceId", audienceId)
                .append("n", chunkNumber)
                .append("users", users));
    }

    public void complete(String audienceId, long size, long chunkCount) {
        audiences.updateOne(Filters.eq("_id", audienceId), Updates.combine(
                Updates.set("size", size),
                Updates.set("chunks", chunkCount),
                Updates.set("ready", true)));
    }

    /** Removes what a failed upload wrote, so that no half-imported audience stays behind. */
    public void discard(String audienceId, long chunkCount) {
        for (long n = 0; n < chunkCount; n++) {
            chunks.deleteOne(Filters.eq("_id", chunkId(audienceId, n)));
        }
        audiences.deleteOne(Filters.eq("_id", audienceId));
    }

    public Optional<AudienceDescriptor> find(String audienceId) {
        Document found = audiences.find(Filters.eq("_id", audienceId)).first();
        return Optional.ofNullable(found).map(document -> new AudienceDescriptor(
                document.getString("_id"),
                document.getString("workspaceId"),
                document.getString("name"),
                ((Number) document.get("size")).longValue(),
                ((Number) document.get("chunks")).longValue(),
                document.getBoolean("ready", false)));
    }

    public List<AudienceMember> chunk(String audienceId, long chunkNumber) {
        Document chunk = chunks.find(Filters.eq("_id", chunkId(audienceId, chunkNumber))).first();
        if (chunk == null) {
            throw new IllegalStateException("chunk " + chunkNumber + " of audience " + audienceId + " is missing");
        }
        List<AudienceMember> members = new ArrayList<>();
        for (Document user : chunk.getList("users", Document.class)) {
            members.add(new AudienceMember(user.getString("u"), attributesOf(user), new LinkedHashSet<>(
                    user.getList("t", String.class))));
        }
        return members;
    }

    private static Map<String, String> attributesOf(Document user) {
        Map<String, String> attributes = new HashMap<>();
        user.get("a", Document.class).forEach((key, value) -> attributes.put(key, String.valueOf(value)));
        return attributes;
    }

    private static String chunkId(String audienceId, long chunkNumber) {
        return audienceId + ":" + chunkNumber;
    }
}
