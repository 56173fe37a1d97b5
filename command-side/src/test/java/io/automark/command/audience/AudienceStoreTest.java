package io.automark.command.audience;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.automark.command.support.EmbeddedStore;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The audience store's chunk writes against the embedded server. */
class AudienceStoreTest {

    private static final MongoClient CLIENT = MongoClients.create(EmbeddedStore.uri("audience-store"));

    private final AudienceStore store = new AudienceStore(new MongoTemplate(CLIENT, "audience-store"));

    @AfterAll
    static void close() {
        CLIENT.close();
    }

    @Test
    void addsTagsToTheNamedUsersOnly() {
        store.writeChunk("tags", 0, members(5));

        store.addTags("tags", 0, "run/tag/0", Set.of("u1", "u3"), Set.of("vip"));

        List<AudienceMember> chunk = store.chunk("tags", 0);
        assertThat(chunk).extracting(AudienceMember::userId).containsExactly("u0", "u1", "u2", "u3", "u4");
        assertThat(chunk).extracting(member -> member.tags().size()).containsExactly(1, 2, 1, 2, 1);
        assertThat(chunk.get(1).tags()).containsExactlyInAnyOrder("old", "vip");
        assertThat(chunk.get(1).attributes()).containsEntry("city", "Paris");
    }

    @Test
    void taggingAgainUnderTheSameNameAddsNothing() {
        store.writeChunk("retried", 0, members(3));
        store.addTags("retried", 0, "run/tag/0", Set.of("u0"), Set.of("first"));
        store.addTags("retried", 0, "run/tag/1", Set.of("u1"), Set.of("second"));

        store.addTags("retried", 0, "run/tag/0", Set.of("u0", "u2"), Set.of("first"));

        List<AudienceMember> chunk = store.chunk("retried", 0);
        assertThat(chunk.get(0).tags()).containsExactlyInAnyOrder("old", "first");
        assertThat(chunk.get(1).tags()).containsExactlyInAnyOrder("old", "second");
        assertThat(chunk.get(2).tags()).containsExactly("old");
    }

    @Test
    void tagsAddedToOneChunkAtOnceAllLand() {
        store.writeChunk("concurrent", 0, members(200));

        List<CompletableFuture<Void>> runs = IntStream.range(0, 8)
                .mapToObj(run -> CompletableFuture.runAsync(() -> store.addTags("concurrent", 0, "run-" + run,
                        Set.of("u" + run, "u100"), Set.of("run-" + run))))
                .toList();
        runs.forEach(CompletableFuture::join);

        List<AudienceMember> chunk = store.chunk("concurrent", 0);
        assertThat(chunk.get(100).tags()).hasSize(9);
        IntStream.range(0, 8).forEach(run -> assertThat(chunk.get(run).tags()).contains("run-" + run));
        assertThat(chunk.get(150).tags()).containsExactly("old");
    }

    @Test
    void gapsAreFilledWithEmptyChunksAndUsersCountedFromTheChunkSizes() {
        store.replaceChunk("sparse", 0, members(4));
        store.replaceChunk("sparse", 2, members(3));

        store.fillGaps("sparse", 4);

        assertThat(store.chunk("sparse", 1)).isEmpty();
        assertThat(store.chunk("sparse", 3)).isEmpty();
        assertThat(store.chunk("sparse", 2)).hasSize(3);
        assertThat(store.countUsers("sparse", 4)).isEqualTo(7);
        assertThat(store.countUsers("sparse", 1)).isEqualTo(4);
    }

    @Test
    void discardingAnUploadRemovesItsChunksAndTheirTags() {
        store.begin("dropped", "ws", "dropped", Instant.now());
        store.writeChunk("dropped", 0, members(2));
        store.addTags("dropped", 0, "run/tag/0", Set.of("u0"), Set.of("vip"));

        store.discard("dropped", 1);
        store.writeChunk("dropped", 0, members(2));

        assertThat(store.find("dropped")).isEmpty();
        assertThat(store.chunk("dropped", 0).get(0).tags()).containsExactly("old");
    }

    @Test
    void writingAChunkAgainReplacesWhatTheFirstAttemptWrote() {
        store.replaceChunk("generated", 3, members(4));

        store.replaceChunk("generated", 3, members(2));

        assertThat(store.chunk("generated", 3)).extracting(AudienceMember::userId).containsExactly("u0", "u1");
    }

    @Test
    void readsChunksWrittenBeforeMembersWerePacked() {
        CLIENT.getDatabase("audience-store").getCollection(AudienceStore.CHUNKS).insertOne(new Document("_id", "old:0")
                .append("audienceId", "old")
                .append("n", 0L)
                .append("size", 2)
                .append("users", List.of(
                        new Document("u", "a").append("a", new Document("city", "Lyon")).append("t", List.of("x")),
                        new Document("u", "b").append("a", new Document()).append("t", List.of()))));
        store.addTags("old", 0, "run/tag/0", Set.of("b"), Set.of("vip"));

        List<AudienceMember> chunk = store.chunk("old", 0);

        assertThat(chunk).containsExactly(new AudienceMember("a", Map.of("city", "Lyon"), Set.of("x")),
                new AudienceMember("b", Map.of(), Set.of("vip")));
    }

    private static List<AudienceMember> members(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> new AudienceMember("u" + i, Map.of("city", "Paris"), Set.of("old")))
                .toList();
    }
}
