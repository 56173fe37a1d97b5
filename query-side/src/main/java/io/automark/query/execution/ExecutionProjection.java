package io.automark.query.execution;

import com.mongodb.client.result.UpdateResult;
import io.automark.events.campaign.FlowDefinition;
import io.automark.events.execution.AbTestDecided;
import io.automark.events.execution.AbTestGoalsAchieved;
import io.automark.events.execution.AbTestGoalsAchieved.GoalAchievement;
import io.automark.events.execution.ExecutionBatchRecorded;
import io.automark.events.execution.ExecutionFinished;
import io.automark.events.execution.ExecutionReExecuted;
import io.automark.events.execution.ExecutionStarted;
import io.automark.events.execution.ExecutionStatus;
import io.automark.query.infrastructure.QueryProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Keeps {@link ExecutionView}. A batch's counts are added in one atomic update of the execution's document that
 * also records the batch number and applies only while that number is not recorded yet, so a redelivered batch
 * counts once.
 *
 * <p>A re-execution links two executions, each an aggregate of its own, so the new execution's
 * {@link ExecutionStarted} and the old one's {@link ExecutionReExecuted} may be handled in either order: both write
 * the new document by upsert and each sets only the fields it knows.
 */
@Component
@ProcessingGroup(QueryProcessingGroups.EXECUTIONS)
public class ExecutionProjection {

    private static final Logger log = LoggerFactory.getLogger(ExecutionProjection.class);

    private final MongoTemplate mongo;

    public ExecutionProjection(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(ExecutionView.class).createIndex(new Index()
                .on("campaignId", Sort.Direction.ASC)
                .on("startedAt", Sort.Direction.DESC)
                .named("campaign_started"));
    }

    @EventHandler
    public void on(ExecutionStarted event, @SequenceNumber long sequence) {
        Update update = new Update()
                .set("workspaceId", event.workspaceId())
                .set("campaignId", event.campaignId())
                .set("version", event.flowVersion())
                .set("status", ExecutionStatus.IN_PROGRESS)
                .set("startedAt", event.startedAt())
                .set("components", componentsOf(event.flow()))
                .max("aggregateVersion", sequence + 1);

        mongo.upsert(byId(event.executionId()), withZeroCounters(update), ExecutionView.class);
    }

    @EventHandler
    public void on(ExecutionBatchRecorded event, @SequenceNumber long sequence) {
        Query notYetCounted = byId(event.executionId())
                .addCriteria(Criteria.where("appliedBatches").ne(event.batchNumber()));
        Update update = BatchFigures.incrementsOf(event)
                .push("appliedBatches", event.batchNumber())
                .max("aggregateVersion", sequence + 1);

        UpdateResult result = mongo.updateFirst(notYetCounted, update, ExecutionView.class);

        if (result.getMatchedCount() == 0) {
            log.debug("Batch [{}] of execution [{}] was counted before; skipped", event.batchNumber(),
                    event.executionId());
        }
    }

    /** Applies once: events of one execution come in order, so one already applied is below its version. */
    @EventHandler
    public void on(AbTestGoalsAchieved event, @SequenceNumber long sequence) {
        String goals = "figures." + FieldKey.encode(event.componentId()) + ".goals.";
        Update update = new Update().max("aggregateVersion", sequence + 1);
        event.achievements().stream()
                .collect(Collectors.groupingBy(GoalAchievement::group, Collectors.counting()))
                .forEach((group, count) -> update.inc(goals + FieldKey.encode(group), count));

        mongo.updateFirst(notYetApplied(event.executionId(), sequence), update, ExecutionView.class);
    }

    @EventHandler
    public void on(AbTestDecided event, @SequenceNumber long sequence) {
        Update update = new Update()
                .set("figures." + FieldKey.encode(event.componentId()) + ".winningGroup", event.winningGroup())
                .max("aggregateVersion", sequence + 1);

        mongo.updateFirst(notYetApplied(event.executionId(), sequence), update, ExecutionView.class);
    }

    @EventHandler
    public void on(ExecutionFinished event, @SequenceNumber long sequence) {
        Update update = new Update()
                .set("status", event.status())
                .set("endedAt", event.finishedAt())
                .set("reason", event.reason())
                .max("aggregateVersion", sequence + 1);

        mongo.updateFirst(byId(event.executionId()), update, ExecutionView.class);
    }

    @EventHandler
    public void on(ExecutionReExecuted event, @SequenceNumber long sequence) {
        Update old = new Update()
                .set("reExecutedAs", event.newExecutionId())
                .max("aggregateVersion", sequence + 1);
        Update rerun = new Update()
                .set("workspaceId", event.workspaceId())
                .set("campaignId", event.campaignId())
                .set("reExecutionOf", event.executionId());

        // The old execution's own ExecutionStarted precedes this event in its stream, so its document exists.
        mongo.updateFirst(byId(event.executionId()), old, ExecutionView.class);
        mongo.upsert(byId(event.newExecutionId()), withZeroCounters(rerun), ExecutionView.class);
    }

    /** Whichever event creates an execution's document starts its counters, so batches can increment them. */
    private static Update withZeroCounters(Update update) {
        return update
                .setOnInsert("processedUsers", 0L)
                .setOnInsert("batches", 0L)
                .setOnInsert("appliedBatches", List.of());
    }

    private static List<ExecutionComponent> componentsOf(FlowDefinition flow) {
        Map<String, Integer> ranks = FlowOrder.ranks(flow);

        return flow.components().stream()
                .map(component -> new ExecutionComponent(component.id(), component.type(), ranks.get(component.id())))
                .toList();
    }

    private static Query notYetApplied(String executionId, long sequence) {
        return byId(executionId).addCriteria(Criteria.where("aggregateVersion").lt(sequence + 1));
    }

    private static Query byId(String executionId) {
        return Query.query(Criteria.where("_id").is(executionId));
    }
}
