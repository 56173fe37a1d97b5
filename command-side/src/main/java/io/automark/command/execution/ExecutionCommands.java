package io.automark.command.execution;

import io.automark.events.execution.ComponentOutcomes;
import io.automark.events.execution.ExecutionStatus;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** The commands an execution takes. */
public final class ExecutionCommands {

    private ExecutionCommands() {
    }

    /** Records one batch's outcomes; recording the same batch number again changes nothing and answers false. */
    public record RecordExecutionBatch(@TargetAggregateIdentifier String executionId, long batchNumber,
                                       List<ComponentOutcomes> components, Instant now) {
    }

    /** Ends a run; ending an execution that already ended changes nothing and answers false. */
    public record FinishExecution(@TargetAggregateIdentifier String executionId, ExecutionStatus status,
                                  String reason, Instant now) {
    }

    /** Runs an abnormally ended execution again as a new execution with id {@code newExecutionId}. */
    public record ReExecute(@TargetAggregateIdentifier String executionId, String workspaceId, String newExecutionId,
                            Instant now) {
    }

    /** Stops a running execution by hand or because its campaign stopped. */
    public record StopExecution(@TargetAggregateIdentifier String executionId, String workspaceId, String reason,
                                Instant now) {
    }
}
