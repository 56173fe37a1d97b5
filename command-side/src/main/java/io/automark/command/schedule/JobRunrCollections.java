package io.automark.command.schedule;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;

/**
 * Creates JobRunr's collections and indexes before JobRunr starts, so that JobRunr runs with {@code SKIP_CREATE}.
 * JobRunr's own migrations drop every index with {@code dropIndexes("*")}, which the embedded MongoDB-compatible
 * server does not support; the indexes are those the migrations leave behind. Running it again changes nothing.
 */
final class JobRunrCollections {

    private static final String SUCCEEDED_COUNTER = "succeeded-jobs-counter-cluster";
    private static final int INDEX_OPTIONS_CONFLICT = 85;
    private static final int INDEX_KEY_SPECS_CONFLICT = 86;

    private JobRunrCollections() {
    }

    static void prepare(MongoDatabase database, String prefix) {
        List<String> existing = database.listCollectionNames().into(new ArrayList<>());
        for (String name : List.of("jobs", "recurring_jobs", "background_job_servers", "metadata")) {
            if (!existing.contains(prefix + name)) {
                database.createCollection(prefix + name);
            }
        }

        MongoCollection<Document> jobs = database.getCollection(prefix + "jobs");
        index(jobs, Indexes.ascending("state", "scheduledAt"), "scheduledIdx");
        index(jobs, Indexes.ascending("state", "updatedAt"), "stateUpdatedAscIdx");
        index(jobs, Indexes.compoundIndex(Indexes.ascending("state"), Indexes.descending("updatedAt")),
                "stateUpdatedDescIdx");
        index(jobs, Indexes.ascending("state", "recurringJobId"), "recurringIdx");
        index(database.getCollection(prefix + "recurring_jobs"), Indexes.ascending("createdAt"), "createdAtIdx");
        index(database.getCollection(prefix + "metadata"), Indexes.ascending("name", "owner"), "nameOwnerIdx");

        // JobRunr counts succeeded jobs in this document and expects it to exist.
        database.getCollection(prefix + "metadata").updateOne(Filters.eq("_id", SUCCEEDED_COUNTER),
                Updates.combine(Updates.setOnInsert("name", "succeeded-jobs-counter"),
                        Updates.setOnInsert("owner", "cluster"),
                        Updates.setOnInsert("value", 0L)),
                new UpdateOptions().upsert(true));
    }

    /** Creates an index; one that exists already, maybe under another name from an older set-up, is kept. */
    private static void index(MongoCollection<Document> collection, Bson keys, String name) {
        try {
            collection.createIndex(keys, new IndexOptions().name(name));
        } catch (MongoCommandException e) {
            if (e.getErrorCode() != INDEX_OPTIONS_CONFLICT && e.getErrorCode() != INDEX_KEY_SPECS_CONFLICT) {
                throw e;
            }
        }
    }
}
