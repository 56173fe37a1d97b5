package io.automark.command.audience;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
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
import java.util.Set;

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
        chunks.insertOne(chunkDocument(audienceId, chunkNumber, members, 0));
    }

    /** Writes a chunk whole, replacing what an earlier attempt wrote, so that writing it again is harmless. */
    public void replaceChunk(String audienceId, long chunkNumber, List<AudienceMember> members) {
        chunks.replaceOne(Filters.eq("_id", chunkId(audienceId, chunkNumber)),
                chunkDocument(audienceId, chunkNumber, members, 0), new ReplaceOptions().upsert(true));
    }

    /** The numbers of an audience's chunks from {@code first} up, in order. */
    public List<Long> chunkNumbersFrom(String audienceId, long first) {
        List<Long> numbers = new ArrayList<>();
        chunks.find(Filters.and(Filters.eq("audienceId", audienceId), Filters.gte("n", first)))
                .projection(Projections.include("n"))
                .sort(Sorts.ascending("n"))
                .forEach(chunk -> numbers.add(chunk.get("n", Number.class).longValue()));
        return numbers;
    }

    /** Writes chunk {@code from} again as chunk {@code to}, replacing what an earlier attempt wrote there. */
    public void copyChunk(String audienceId, long from, long to) {
        replaceChunk(audienceId, to, chunk(audienceId, from));
    }

    /** Writes an empty chunk where none was written, so that an audience's chunks are numbered without gaps. */
    public void fillChunk(String audienceId, long chunkNumber) {
        chunks.updateOne(Filters.eq("_id", chunkId(audienceId, chunkNumber)), Updates.combine(
                Updates.setOnInsert("audienceId", audienceId),
                Updates.setOnInsert("n", chunkNumber),
                Updates.setOnInsert("rev", 0L),
                Updates.setOnInsert("users", List.of())), new UpdateOptions().upsert(true));
    }

    /**
     * Adds tags to some users of one chunk and answers those users as they are now. The chunk is rewritten only if
     * nobody else changed it since it was read, and read again otherwise.
     */
    public List<AudienceMember> addTags(String audienceId, long chunkNumber, Set<String> userIds, Set<String> tags) {
        while (true) {
            Document chunk = chunks.find(Filters.eq("_id", chunkId(audienceId, chunkNumber))).first();
            if (chunk == null) {
                throw new IllegalStateException("chunk " + chunkNumber + " of audience " + audienceId + " is missing");
            }
            long rev = chunk.get("rev", Number.class) == null ? 0 : chunk.get("rev", Number.class).longValue();
            List<AudienceMember> members = membersOf(chunk);
            List<AudienceMember> tagged = new ArrayList<>(members.size());
            for (AudienceMember member : members) {
                tagged.add(userIds.contains(member.userId()) ? withTags(member, tags) : member);
            }
            Document next = chunkDocument(audienceId, chunkNumber, tagged, rev + 1);
            boolean written = chunks.replaceOne(Filters.and(Filters.eq("_id", next.get("_id")), revIs(rev)), next)
                    .getModifiedCount() == 1;
            if (written) {
                return tagged.stream().filter(member -> userIds.contains(member.userId())).toList();
            }
        }
    }

    private static Bson revIs(long rev) {
        return rev == 0 ? Filters.or(Filters.exists("rev", false), Filters.eq("rev", 0L)) : Filters.eq("rev", rev);
    }

    private static AudienceMember withTags(AudienceMember member, Set<String> tags) {
        Set<String> all = new LinkedHashSet<>(member.tags());
        all.addAll(tags);
        return new AudienceMember(member.userId(), member.attributes(), all);
    }

    private static Document chunkDocument(String audienceId, long chunkNumber, List<AudienceMember> members,
                                          long rev) {
        List<Document> users = new ArrayList<>(members.size());
        for (AudienceMember member : members) {
            users.add(new Document("u", member.userId())
                    .append("a", new Document(new HashMap<>(member.attributes())))
                    .append("t", new ArrayList<>(member.tags())));
        }
        return new Document("_id", chunkId(audienceId, chunkNumber))
                .append("audienceId", audienceId)
                .append("n", chunkNumber)
                .append("rev", rev)
                .append("users", users);
    }

    /** Registers an audience whose chunks another writer made, such as a flow's GENERATE_AUDIENCE component. */
    public boolean registerGenerated(String audienceId, String workspaceId, String name, long size, long chunkCount,
                                     Instant now) {
        Document descriptor = new Document("_id", audienceId)
                .append("workspaceId", workspaceId)
                .append("name", name)
                .append("size", size)
                .append("chunks", chunkCount)
                .append("ready", true)
                .append("createdAt", Date.from(now));
        return audiences.replaceOne(Filters.eq("_id", audienceId), descriptor, new ReplaceOptions().upsert(true))
                .getUpsertedId() != null;
    }

    /** Counts the users of chunks 0 to {@code chunkCount - 1}. */
    public long countUsers(String audienceId, long chunkCount) {
        long size = 0;
        for (long n = 0; n < chunkCount; n++) {
            Document chunk = chunks.find(Filters.eq("_id", chunkId(audienceId, n))).first();
            size += chunk == null ? 0 : chunk.getList("users", Document.class).size();
        }
        return size;
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
        return membersOf(chunk);
    }

    private static List<AudienceMember> membersOf(Document chunk) {
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
