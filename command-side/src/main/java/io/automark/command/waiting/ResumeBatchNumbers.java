package io.automark.command.waiting;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * Numbers for the batches of users whose wait ended. They start at {@link #FIRST}, far above any audience chunk or
 * behaviour entry batch, because an execution records each batch number once.
 */
@Repository
public class ResumeBatchNumbers {

    public static final long FIRST = 1L << 40;

    private final MongoCollection<Document> counters;

    ResumeBatchNumbers(MongoTemplate mongo) {
        this.counters = mongo.getCollection("execution_resume_numbers");
    }

    long next(String executionId) {
        Document after = counters.findOneAndUpdate(Filters.eq("_id", executionId), Updates.inc("next", 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return FIRST + after.get("next", Number.class).longValue() - 1;
    }
}
