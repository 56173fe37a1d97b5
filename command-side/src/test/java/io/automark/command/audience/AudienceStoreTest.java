package io.automark.command.audience;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.automark.command.support.EmbeddedStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

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
    void addsTagsToTheNamedUsersOnlyAndAnswersThemAsTheyAreNow() {
        store.writeChunk("tags", 0, members(5));

        List<AudienceMember> tagged = store.addTags("tags", 0, Set.of("u1", "u3"), Set.of("vip"));

        assertThat(tagged).extracting(AudienceMember::userId).containsExactly("u1", "u3");
        assertThat(tagged).allSatisfy(member -> assertThat(member.tags()).containsExactlyInAnyOrder("old", "vip"));
        assertThat(store.chunk("tags", 0)).extracting(member -> member.tags().size())
                .containsExactly(1, 2, 1, 2, 1);
        assertThat(store.chunk("tags", 0).get(1).attributes()).containsEntry("city", "Paris");
    }

    @Test
    void tagsAddedToOneChunkAtOnceAllLand() {
        store.writeChunk("concurrent", 0, members(200));

        List<CompletableFuture<List<AudienceMember>>> runs = IntStream.range(0, 8)
                .mapToObj(run -> CompletableFuture.supplyAsync(() -> store.addTags("concurrent", 0,
                        Set.of("u" + run, "u100"), Set.of("run-" + run))))
                .toList();
        runs.forEach(CompletableFuture::join);

        List<AudienceMember> chunk = store.chunk("concurrent", 0);
        assertThat(chunk.get(100).tags()).hasSize(9);
        IntStream.range(0, 8).forEach(run -> assertThat(chunk.get(run).tags()).contains("run-" + run));
        assertThat(chunk.get(150).tags()).containsExactly("old");
    }

    @Test
    void writingAChunkAgainReplacesWhatTheFirstAttemptWrote() {
        store.replaceChunk("generated", 3, members(4));

        store.replaceChunk("generated", 3, members(2));

        assertThat(store.chunk("generated", 3)).extracting(AudienceMember::userId).containsExactly("u0", "u1");
    }

    private static List<AudienceMember> members(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> new AudienceMember("u" + i, Map.of("city", "Paris"), Set.of("old")))
                .toList();
    }
}
