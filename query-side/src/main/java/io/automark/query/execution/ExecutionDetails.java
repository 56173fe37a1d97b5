package io.automark.query.execution;

import io.automark.events.execution.ExecutionStatus;

import java.time.Instant;
import java.util.List;

/**
 * An execution with its figures, as the API shows it.
 *
 * @param version          the flow version it runs
 * @param endedAt          null while it runs
 * @param reason           why it ended abnormally or was stopped; null otherwise
 * @param processedUsers   users that came in through an entry component so far, for progress
 * @param batches          batches of users recorded so far
 * @param aggregateVersion the version {@code minVersion} compares with
 * @param components       in the flow's order
 * @param reExecutedAs     the execution that runs this one again; absent while it was not re-executed
 * @param reExecutionOf    the execution this one runs again; absent when it is not a re-execution
 */
public record ExecutionDetails(String id, String campaignId, int version, ExecutionStatus status, Instant startedAt,
                               Instant endedAt, String reason, long processedUsers, long batches,
                               long aggregateVersion, List<ComponentReport> components, String reExecutedAs,
                               String reExecutionOf) {

    static ExecutionDetails of(ExecutionView view) {
        List<ComponentReport> components = view.components().stream()
                .map(component -> ComponentReport.of(component, view.countsOf(component.componentId())))
                .toList();

        return new ExecutionDetails(view.id(), view.campaignId(), view.version(), view.status(), view.startedAt(),
                view.endedAt(), view.reason(), view.processedUsers(), view.batches(), view.aggregateVersion(),
                components, view.reExecutedAs(), view.reExecutionOf());
    }
}
