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

    @CommandHandler
    public AudienceExport(RequestAudienceExport command) {
        apply(new AudienceExportRequested(command.operationId(), command.workspaceId(), command.executionId(),
                command.componentId(), command.name(), command.results(), command.now()));
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

    public record RequestAudienceExport(@TargetAggregateIdentifier String operationId, String workspaceId,
                                        String executionId, String componentId, String name,
                                        Set<UserResult> results, Instant now) {
    }

    /** Ending an operation that already ended changes nothing, so a redelivered request is harmless. */
    public record CompleteAudienceExport(@TargetAggregateIdentifier String operationId, String audienceId, long size,
                                         Instant now) {
    }

    public record FailAudienceExport(@TargetAggregateIdentifier String operationId, String reason, Instant now) {
    }
}
