package io.automark.command.execution;

import com.mongodb.ReadPreference;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;

/**
 * Stop marks: one document per stopped execution, keyed by its id, written before a stop is acknowledged and read
 * by every instance's workers before each slice of sends. The mark lives in the store rather than in memory because
 * the worker running the execution may sit on another instance than the one that took the stop; writing it with a
 * majority write concern and reading it from the primary makes an acknowledged mark visible to every later read, on
 * any instance, also across a failover.
 *
 * <p>An execution id is never run again once stopped (a restart or a re-execution makes a new one), so a mark never
 * needs to be lifted. Known shortcoming: marks are not expired; each is a few dozen bytes.
 */
@Repository
public class ExecutionStops {

    private final MongoCollection<Document> marks;

    public ExecutionStops(MongoTemplate mongo) {
        this.marks = mongo.getCollection("execution_stops")
                .withWriteConcern(WriteConcern.MAJORITY)
                .withReadPreference(ReadPreference.primary());
    }

    /**
     * Marks the executions stopped once the running command's events are stored and before its answer goes out.
     * Axon appends the events in the unit of work's prepare-commit phase; a commit-phase handler runs after that,
     * and its error, unlike an after-commit handler's (which Axon only logs), fails the command, so a stop is never
     * acknowledged without its mark. A stop refused by the aggregate marks nothing.
     */
    public void markWhenStored(Collection<String> executionIds, String reason, Instant at) {
        if (executionIds.isEmpty()) {
            return;
        }
        if (!CurrentUnitOfWork.isStarted()) {
            mark(executionIds, reason, at);
            return;
        }
        List<String> ids = List.copyOf(executionIds);
        CurrentUnitOfWork.get().onCommit(unitOfWork -> mark(ids, reason, at));
    }

    /** Marks the executions stopped; marking one again keeps its first mark. */
    public void mark(Collection<String> executionIds, String reason, Instant at) {
        for (String executionId : executionIds) {
            marks.updateOne(Filters.eq("_id", executionId), Updates.combine(
                    Updates.setOnInsert("reason", reason),
                    Updates.setOnInsert("stoppedAt", Date.from(at))), new UpdateOptions().upsert(true));
        }
    }

    /** Whether a stop of the execution was marked. */
    public boolean stopped(String executionId) {
        return marks.find(Filters.eq("_id", executionId)).projection(Projections.include("_id")).first() != null;
    }
}
