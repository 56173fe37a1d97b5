package io.automark.ops.bench;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The reference of the engine benchmark: N small documents written with the MongoDB Java driver's
 * {@code insertMany}, in batches of {@value #BATCH}, into a database of their own on the same store, which is
 * dropped afterwards.
 */
final class RawInserts {

    static final int BATCH = 1000;

    static final String DATABASE = "bench_raw";

    private RawInserts() {
    }

    /**
     * Inserts {@code count} documents and answers how long it took, dropping them afterwards.
     *
     * @param storeUri the store's connection string; its database is ignored
     */
    static Duration insert(String storeUri, long count) {
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(storeUri))
                .applyToSocketSettings(socket -> socket.readTimeout(2, TimeUnit.MINUTES))
                .build();

        try (MongoClient client = MongoClients.create(settings)) {
            MongoDatabase database = client.getDatabase(DATABASE);
            database.drop();
            MongoCollection<Document> documents = database.getCollection("documents");

            long start = System.nanoTime();
            for (long first = 1; first <= count; first += BATCH) {
                documents.insertMany(batch(first, Math.min(count, first + BATCH - 1)));
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

            long stored = documents.countDocuments();
            database.drop();
            if (stored != count) {
                throw new IllegalStateException("the store holds " + stored + " of the " + count + " documents");
            }
            return elapsed;
        }
    }

    /** Documents {@code first} to {@code last}, as small as a user's id and score. */
    private static List<Document> batch(long first, long last) {
        List<Document> batch = new ArrayList<>((int) (last - first + 1));
        for (long i = first; i <= last; i++) {
            batch.add(new Document("_id", i)
                    .append("userId", SyntheticAudience.userId(i))
                    .append("score", SyntheticAudience.score(i)));
        }
        return batch;
    }
}
