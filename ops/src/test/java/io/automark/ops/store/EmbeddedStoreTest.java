package io.automark.ops.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedStoreTest {

    @TempDir
    Path dataDir;

    @Test
    void servesTheMongoProtocolFromMemory() {
        try (EmbeddedStore store = EmbeddedStore.start(StoreSettings.inMemory());
             MongoClient client = MongoClients.create(store.uri("automark"))) {

            collection(client).insertOne(new Document("_id", "c-1").append("name", "Spring"));

            assertThat(collection(client).find(new Document("_id", "c-1")).first()).containsEntry("name", "Spring");
        }
    }

    @Test
    void keepsTheDataOfTheH2BackendAcrossARestart() {
        StoreSettings settings = StoreSettings.h2(dataDir);
        try (EmbeddedStore store = EmbeddedStore.start(settings);
             MongoClient client = MongoClients.create(store.uri("automark"))) {
            collection(client).insertOne(new Document("_id", "c-1").append("name", "Spring"));
        }

        try (EmbeddedStore store = EmbeddedStore.start(settings);
             MongoClient client = MongoClients.create(store.uri("automark"))) {

            assertThat(collection(client).countDocuments()).isEqualTo(1);
        }
        assertThat(settings.h2File()).exists();
    }

    private static MongoCollection<Document> collection(MongoClient client) {
        return client.getDatabase("automark").getCollection("campaigns");
    }
}
