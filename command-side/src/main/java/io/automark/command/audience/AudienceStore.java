package io.automark.command.audience;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
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

    /** A chunk's members, as {@link PackedMembers} writes them. */
    private static final String PACKED = "packed";

    /** A chunk's members as chunks written before they were packed hold them: one sub-document per user. */
    private static final String UNPACKED = "users";

    private final MongoCollection<Document> audiences;
    private final MongoCollection<Document> chunks;
    private final AddedTags addedTags;

    public AudienceStore(MongoTemplate mongo) {
        this.audiences = mongo.getCollection(AUDIENCES);
        this.chunks = mongo.getCollection(CHUNKS);
        this.addedTags = new AddedTags(mongo.getCollection(AddedTags.COLLECTION));

        // Generated audiences are completed by listing their chunks in order.
        chunks.createIndex(Indexes.ascending("audienceId", "n"), new IndexOptions().name("audience_chunk_numbers"));
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
        chunks.insertOne(chunkDocument(audienceId, chunkNumber, members));
    }

    /**
     * Writes a chunk whole, replacing what an earlier attempt wrote, so that writing it again is harmless. The first
     * attempt inserts: on the store an insert costs far less than a replace of a document of the same size.
     */
    public void replaceChunk(String audienceId, long chunkNumber, List<AudienceMember> members) {
        Document chunk = chunkDocument(audienceId, chunkNumber, members);
        try {
            chunks.insertOne(chunk);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            chunks.replaceOne(Filters.eq("_id", chunk.get("_id")), chunk);
        }
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

    /** Writes empty chunks where none was written below {@code chunkCount}, so that the chunks have no gaps. */
    public void fillGaps(String audienceId, long chunkCount) {
        Set<Long> written = new HashSet<>();
        chunks.find(Filters.and(Filters.eq("audienceId", audienceId), Filters.lt("n", chunkCount)))
                .projection(Projections.include("n"))
                .forEach(chunk -> written.add(chunk.get("n", Number.class).longValue()));

        List<UpdateOneModel<Document>> fills = new ArrayList<>();
        for (long n = 0; n < chunkCount; n++) {
            if (!written.contains(n)) {
                fills.add(new UpdateOneModel<>(Filters.eq("_id", chunkId(audienceId, n)), Updates.combine(
                        Updates.setOnInsert("audienceId", audienceId),
                        Updates.setOnInsert("n", n),
                        Updates.setOnInsert("size", 0),
                        Updates.setOnInsert(PACKED, new Binary(PackedMembers.pack(List.of())))),
                        new UpdateOptions().upsert(true)));
            }
        }
        if (!fills.isEmpty()) {
            chunks.bulkWrite(fills, new BulkWriteOptions().ordered(false));
        }
    }

    /**
     * Adds tags to some users of one chunk, once per {@code by}: a tagging done again after a crash adds nothing.
     * Later reads of the chunk show the users with the tags.
     *
     * @param by names the tagging the same way on every attempt: a component of one batch of one execution
     */
    public void addTags(String audienceId, long chunkNumber, String by, Set<String> userIds, Set<String> tags) {
        addedTags.add(chunkId(audienceId, chunkNumber), by, userIds, tags);
    }

    private static Document chunkDocument(String audienceId, long chunkNumber, List<AudienceMember> members) {
        return new Document("_id", chunkId(audienceId, chunkNumber))
                .append("audienceId", audienceId)
                .append("n", chunkNumber)
                .append("size", members.size())
                .append(PACKED, new Binary(PackedMembers.pack(members)));
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

    /** Counts the users of chunks 0 to {@code chunkCount - 1}, from the size each chunk was written with. */
    public long countUsers(String audienceId, long chunkCount) {
        long size = 0;
        List<Long> unsized = new ArrayList<>();
        for (Document chunk : chunks.find(Filters.and(Filters.eq("audienceId", audienceId),
                Filters.lt("n", chunkCount))).projection(Projections.include("n", "size"))) {
            Number written = chunk.get("size", Number.class);
            if (written == null) {
                unsized.add(chunk.get("n", Number.class).longValue());
            } else {
                size += written.longValue();
            }
        }

        // Chunks written before they carried their size.
        for (long n : unsized) {
            size += chunk(audienceId, n).size();
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
            addedTags.remove(chunkId(audienceId, n));
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

    /** The users of one chunk, in the order they were written, with every tag added to them since. */
    public List<AudienceMember> chunk(String audienceId, long chunkNumber) {
        String id = chunkId(audienceId, chunkNumber);
        Document chunk = chunks.find(Filters.eq("_id", id)).first();
        if (chunk == null) {
            throw new IllegalStateException("chunk " + chunkNumber + " of audience " + audienceId + " is missing");
        }
        Map<String, Set<String>> added = addedTags.of(id);

        Binary packed = chunk.get(PACKED, Binary.class);
        if (packed != null) {
            return PackedMembers.unpack(packed.getData(), added);
        }
        List<AudienceMember> members = new ArrayList<>();
        for (Document user : chunk.getList(UNPACKED, Document.class)) {
            members.add(memberOf(user, added.getOrDefault(user.getString("u"), Set.of())));
        }
        return members;
    }

    /**
     * The user ids of a chunk that {@link #chunk} cannot read (a member's attributes or tags are not what the store
     * writes, say): every member's {@code u} that is text, in order. Empty when the chunk is missing or holds no
     * members.
     */
    public List<String> userIdsOf(String audienceId, long chunkNumber) {
        Document chunk = chunks.find(Filters.eq("_id", chunkId(audienceId, chunkNumber))).first();
        if (chunk != null && chunk.get(PACKED) instanceof Binary packed) {
            return PackedMembers.userIdsOf(packed.getData());
        }
        List<String> userIds = new ArrayList<>();
        if (chunk != null && chunk.get(UNPACKED) instanceof List<?> users) {
            for (Object user : users) {
                if (user instanceof Document member && member.get("u") instanceof String userId) {
                    userIds.add(userId);
                }
            }
        }
        return userIds;
    }

    private static AudienceMember memberOf(Document user, Set<String> addedTags) {
        Set<String> tags = new LinkedHashSet<>(user.getList("t", String.class));
        tags.addAll(addedTags);
        return new AudienceMember(user.getString("u"), attributesOf(user), tags);
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
