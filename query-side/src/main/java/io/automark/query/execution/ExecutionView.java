package io.automark.query.execution;

import io.automark.events.execution.ExecutionStatus;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One execution of a campaign with its figures, kept by {@link ExecutionProjection}. The document also holds
 * {@code appliedBatches}, the batch numbers already counted, which the projection uses and no query reads.
 *
 * <p>A re-execution's document may be created by {@code ExecutionReExecuted} before its own {@code ExecutionStarted}
 * arrives; until then it holds only the ids and {@code reExecutionOf}, has no {@code startedAt}, and queries skip it.
 *
 * @param version          the flow version the execution runs
 * @param components       the flow's components in the flow's own order
 * @param figures          counters per component, keyed by {@link FieldKey}; null before the first batch
 * @param processedUsers   users that came in through an entry component so far
 * @param batches          batches recorded so far
 * @param aggregateVersion the execution aggregate's version (last sequence number plus one), for {@code minVersion}
 * @param reExecutedAs     the execution that runs this one again; null while it was not re-executed
 * @param reExecutionOf    the execution this one runs again; null when it is not a re-execution
 */
@Document(ExecutionView.COLLECTION)
public record ExecutionView(@Id String id, String workspaceId, String campaignId, int version,
                            ExecutionStatus status, Instant startedAt, Instant endedAt, String reason,
                            List<ExecutionComponent> components, Map<String, ComponentCounts> figures,
                            long processedUsers, long batches, long aggregateVersion, String reExecutedAs,
                            String reExecutionOf) {

    public static final String COLLECTION = "view_executions";

    public Optional<ExecutionComponent> component(String componentId) {
        return components.stream()
                .filter(component -> component.componentId().equals(componentId))
                .findFirst();
    }

    ComponentCounts countsOf(String componentId) {
        return figures == null ? null : figures.get(FieldKey.encode(componentId));
    }
}
