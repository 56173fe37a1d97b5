package io.automark.query.audience.operation;

import io.automark.events.audience.AudienceExportCompleted;
import io.automark.events.audience.AudienceExportFailed;
import io.automark.events.audience.AudienceExportRequested;
import io.automark.events.execution.UserResult;
import io.automark.query.infrastructure.QueryProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;

/**
 * Keeps {@link AudienceOperationView}: every event is one upsert by operation id that sets only the fields the event
 * knows, so redelivery changes nothing and an outcome handled before its request is kept. The request sets the
 * status PENDING only when it creates the document, so it never takes back an outcome.
 */
@Component
@ProcessingGroup(QueryProcessingGroups.AUDIENCE_OPERATIONS)
public class AudienceOperationProjection {

    private final MongoTemplate mongo;

    public AudienceOperationProjection(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(AudienceOperationView.class).createIndex(new Index()
                .on("workspaceId", Sort.Direction.ASC)
                .on("executionId", Sort.Direction.ASC)
                .on("componentId", Sort.Direction.ASC)
                .on("requestedAt", Sort.Direction.DESC)
                .named("workspace_component_requested"));
    }

    @EventHandler
    public void on(AudienceExportRequested event, @SequenceNumber long sequence) {
        Update update = concerning(event.workspaceId(), event.executionId(), event.componentId(), sequence)
                .set("name", event.name())
                .set("results", inOrder(event.results()))
                .set("requestedAt", event.requestedAt())
                .setOnInsert("status", AudienceOperationStatus.PENDING);

        upsert(event.operationId(), update);
    }

    @EventHandler
    public void on(AudienceExportCompleted event, @SequenceNumber long sequence) {
        Update update = concerning(event.workspaceId(), event.executionId(), event.componentId(), sequence)
                .set("status", AudienceOperationStatus.COMPLETED)
                .set("audienceId", event.audienceId())
                .set("size", event.size())
                .set("endedAt", event.completedAt());

        upsert(event.operationId(), update);
    }

    @EventHandler
    public void on(AudienceExportFailed event, @SequenceNumber long sequence) {
        Update update = concerning(event.workspaceId(), event.executionId(), event.componentId(), sequence)
                .set("status", AudienceOperationStatus.FAILED)
                .set("reason", event.reason())
                .set("endedAt", event.failedAt());

        upsert(event.operationId(), update);
    }

    /** The fields every event of an operation carries. */
    private static Update concerning(String workspaceId, String executionId, String componentId, long sequence) {
        return new Update()
                .set("workspaceId", workspaceId)
                .set("executionId", executionId)
                .set("componentId", componentId)
                .max("version", sequence + 1);
    }

    /** The event holds a set; a fixed order keeps the stored list the same however often it is written. */
    private static List<UserResult> inOrder(Set<UserResult> results) {
        return results.stream()
                .sorted()
                .toList();
    }

    private void upsert(String operationId, Update update) {
        mongo.upsert(Query.query(Criteria.where("_id").is(operationId)), update, AudienceOperationView.class);
    }
}
