package io.automark.command.audience;

import io.automark.events.audience.AudienceExportCompleted;
import io.automark.events.audience.AudienceExportFailed;
import io.automark.events.audience.AudienceExportRequested;
import io.automark.events.execution.UserResult;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** One request to save an execution's users with chosen results as an audience, and how it ended. */
@Aggregate
public class AudienceExport {

    @AggregateIdentifier
    private String operationId;
    private String workspaceId;
    private String executionId;
    private String componentId;
    private boolean ended;

    protected AudienceExport() {
        // Axon rebuilds the operation from its events through this constructor.
    }

    /** Opened by the execution whose users it saves, once it knows the component (see the execution's handler). */
    public AudienceExport(RequestAudienceExport request) {
        apply(new AudienceExportRequested(request.operationId(), request.workspaceId(), request.executionId(),
                request.componentId(), request.name(), request.results(), request.now()));
    }

    @CommandHandler
    public void handle(CompleteAudienceExport command) {
        if (!ended) {
            apply(new AudienceExportCompleted(operationId, workspaceId, executionId, componentId,
                    command.audienceId(), command.size(), command.now()));
        }
    }

    @CommandHandler
    public void handle(FailAudienceExport command) {
        if (!ended) {
            apply(new AudienceExportFailed(operationId, workspaceId, executionId, componentId, command.reason(),
                    command.now()));
        }
    }

    @EventSourcingHandler
    void on(AudienceExportRequested event) {
        operationId = event.operationId();
        workspaceId = event.workspaceId();
        executionId = event.executionId();
        componentId = event.componentId();
    }

    @EventSourcingHandler
    void on(AudienceExportCompleted event) {
        ended = true;
    }

    @EventSourcingHandler
    void on(AudienceExportFailed event) {
        ended = true;
    }

    /**
     * Saves the users of one component of an execution with the given results as an audience named {@code name}.
     * Sent to the execution, which answers NOT_FOUND when it has no such component, and opens the operation.
     */
    public record RequestAudienceExport(@TargetAggregateIdentifier String executionId, String operationId,
                                        String workspaceId, String componentId, String name,
                                        Set<UserResult> results, Instant now) {
    }

    /** Ending an operation that already ended changes nothing, so a redelivered request is harmless. */
    public record CompleteAudienceExport(@TargetAggregateIdentifier String operationId, String audienceId, long size,
                                         Instant now) {
    }

    public record FailAudienceExport(@TargetAggregateIdentifier String operationId, String reason, Instant now) {
    }
}
