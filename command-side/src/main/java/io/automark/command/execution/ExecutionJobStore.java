package io.automark.command.execution;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.automark.command.flow.StoredJson;
import io.automark.events.campaign.FlowDefinition;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Jobs that run executions, shared by every command-side instance. A worker claims a job with a lease it renews
 * after each batch; when a worker dies, its lease runs out and another takes the job over where it stopped. The job
 * also counts the failed attempts of its batches ({@code failedAttempts}, by batch number), so that every instance
 * agrees on when a batch that keeps failing is given up.
 */
@Repository
class ExecutionJobStore {

    private static final String PENDING = "PENDING";
    private static final String RUNNING = "RUNNING";
    private static final String DRAINING = "DRAINING";
    private static final String ENDED = "ENDED";
    private static final String FAILED_ATTEMPTS = "failedAttempts";

    private final MongoCollection<Document> jobs;
    private final StoredJson json;

    ExecutionJobStore(MongoTemplate mongo, StoredJson json) {
        this.jobs = mongo.getCollection("execution_jobs");
        this.json = json;
    }

    /**
     * Adds the job unless it exists, so that a redelivered event plans nothing twice. A job waits for the runs of the
     * same campaign that are still going, so that a re-execution or a periodic run comes after the current run.
     */
    void plan(String executionId, String campaignId, String workspaceId, FlowDefinition flow, String audienceId,
              Instant now) {
        List<String> running = new ArrayList<>();
        jobs.find(Filters.and(Filters.eq("campaignId", campaignId), Filters.in("status", PENDING, RUNNING),
                        Filters.ne("_id", executionId)))
                .forEach(job -> running.add(job.getString("_id")));
        jobs.updateOne(Filters.eq("_id", executionId), Updates.combine(
                Updates.setOnInsert("waitFor", running),
                Updates.setOnInsert("campaignId", campaignId),
                Updates.setOnInsert("workspaceId", workspaceId),
                Updates.setOnInsert("flow", json.write(flow)),
                Updates.setOnInsert("audienceId", audienceId),
                Updates.setOnInsert("nextBatch", 0L),
                Updates.setOnInsert("failures", List.of()),
                Updates.setOnInsert("status", PENDING),
                Updates.setOnInsert("owner", null),
                Updates.setOnInsert("leaseUntil", Date.from(now)),
                Updates.setOnInsert("plannedAt", Date.from(now))), new UpdateOptions().upsert(true));
    }

    /** Claims a job that nobody holds, or whose holder's lease ran out. */
    Optional<ExecutionJob> claim(String owner, Instant now, Duration lease) {
        Bson claimable = Filters.and(
                Filters.in("status", PENDING, RUNNING),
                Filters.lte("leaseUntil", Date.from(now)));
        Document claimed = jobs.findOneAndUpdate(claimable, Updates.combine(
                        Updates.set("status", RUNNING),
                        Updates.set("owner", owner),
                        Updates.set("leaseUntil", Date.from(now.plus(lease)))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(claimed).map(this::read);
    }

    /**
     * Moves the job past a recorded batch and renews the lease. Answers false when the job is no longer this
     * owner's (its lease ran out and another took it, or the execution ended), so the caller must stop.
     */
    boolean advance(String executionId, String owner, long nextBatch, List<String> failures, Instant now,
                    Duration lease) {
        List<Bson> updates = new ArrayList<>();
        updates.add(Updates.set("nextBatch", nextBatch));
        updates.add(Updates.set("leaseUntil", Date.from(now.plus(lease))));
        if (!failures.isEmpty()) {
            updates.add(Updates.addEachToSet("failures", failures));
        }
        return jobs.updateOne(owned(executionId, owner), Updates.combine(updates)).getMatchedCount() == 1;
    }

    /**
     * Counts one failed attempt of a batch, in one atomic update of the job that only its holder can make, so that
     * instances never count the same attempt twice or lose one.
     *
     * @return how many attempts of the batch failed so far; empty when the owner no longer holds the job
     */
    OptionalInt countFailedAttempt(String executionId, String owner, long batchNumber) {
        String counter = FAILED_ATTEMPTS + "." + batchNumber;
        Document counted = jobs.findOneAndUpdate(owned(executionId, owner), Updates.inc(counter, 1),
                new FindOneAndUpdateOptions()
                        .projection(Projections.include(FAILED_ATTEMPTS))
                        .returnDocument(ReturnDocument.AFTER));
        return counted == null ? OptionalInt.empty()
                : OptionalInt.of(failedAttemptsOf(counted).getOrDefault(batchNumber, 0));
    }

    /** Whether every run the job waits for has ended. */
    boolean mayStart(String executionId) {
        Document job = jobs.find(Filters.eq("_id", executionId)).first();
        List<String> waitFor = job == null ? List.of() : job.getList("waitFor", String.class, List.of());
        return waitFor.isEmpty() || jobs.countDocuments(Filters.and(Filters.in("_id", waitFor),
                Filters.ne("status", ENDED))) == 0;
    }

    /** Gives a claimed job back untouched, to be claimed again after {@code delay}. */
    void postpone(String executionId, String owner, Instant now, Duration delay) {
        jobs.updateOne(owned(executionId, owner), Updates.combine(
                Updates.set("status", PENDING),
                Updates.set("owner", null),
                Updates.set("leaseUntil", Date.from(now.plus(delay)))));
    }

    /** Leaves a job that went through its audience to wait, held by nobody, until no user of it waits. */
    void drain(String executionId, String owner) {
        jobs.updateOne(owned(executionId, owner), Updates.combine(
                Updates.set("status", DRAINING),
                Updates.set("owner", null)));
    }

    /** The jobs that went through their audience while users still wait. */
    List<ExecutionJob> draining() {
        List<ExecutionJob> found = new ArrayList<>();
        jobs.find(Filters.eq("status", DRAINING)).forEach(job -> found.add(read(job)));
        return found;
    }

    /** Adds the failures of components that ran for users who had waited. */
    void addFailures(String executionId, List<String> failures) {
        if (!failures.isEmpty()) {
            jobs.updateOne(Filters.eq("_id", executionId), Updates.addEachToSet("failures", failures));
        }
    }

    /** Whether the owner still holds the job and it has not ended. */
    boolean holds(String executionId, String owner) {
        return jobs.find(owned(executionId, owner)).first() != null;
    }

    void end(String executionId) {
        jobs.updateOne(Filters.eq("_id", executionId), Updates.combine(
                Updates.set("status", ENDED),
                Updates.set("owner", null)));
    }

    private static Bson owned(String executionId, String owner) {
        return Filters.and(Filters.eq("_id", executionId), Filters.eq("owner", owner), Filters.eq("status", RUNNING));
    }

    private ExecutionJob read(Document document) {
        return new ExecutionJob(
                document.getString("_id"),
                document.getString("campaignId"),
                document.getString("workspaceId"),
                json.readFlow(document.getString("flow")),
                document.getString("audienceId"),
                ((Number) document.get("nextBatch")).longValue(),
                document.getList("failures", String.class),
                failedAttemptsOf(document));
    }

    /** Jobs planned before attempts were counted have no counters: none of their batches failed yet. */
    private static Map<Long, Integer> failedAttemptsOf(Document document) {
        Document counters = document.get(FAILED_ATTEMPTS, Document.class);
        Map<Long, Integer> attempts = new HashMap<>();
        if (counters != null) {
            counters.forEach((batch, count) -> attempts.put(Long.parseLong(batch), ((Number) count).intValue()));
        }
        return attempts;
    }
}
