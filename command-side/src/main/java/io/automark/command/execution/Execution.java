package io.automark.command.execution;

import io.automark.command.common.NotFoundException;
import io.automark.command.execution.ExecutionCommands.FinishExecution;
import io.automark.command.execution.ExecutionCommands.RecordExecutionBatch;
import io.automark.command.execution.ExecutionCommands.StopExecution;
import io.automark.events.campaign.FlowDefinition;
import io.automark.events.execution.ExecutionBatchRecorded;
import io.automark.events.execution.ExecutionFinished;
import io.automark.events.execution.ExecutionStarted;
import io.automark.events.execution.ExecutionStatus;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One run of a campaign. It guards that each batch of results is recorded once and that nothing is recorded after
 * the run ended. A campaign creates it when a run starts.
 */
@Aggregate(cache = "executionCache")
public class Execution {

    @AggregateIdentifier
    private String executionId;
    private String campaignId;
    private String workspaceId;
    private ExecutionStatus status;
    private long version;
    private final Set<Long> recordedBatches = new HashSet<>();

    protected Execution() {
        // Axon rebuilds the execution from its events through this constructor.
    }

    public Execution(String executionId, String campaignId, String workspaceId, int flowVersion, FlowDefinition flow,
                     Instant now) {
        apply(new ExecutionStarted(executionId, campaignId, workspaceId, flowVersion, flow, now));
    }

    @CommandHandler
    public boolean handle(RecordExecutionBatch command) {
        checkRunning();
        if (recordedBatches.contains(command.batchNumber())) {
            return false;
        }

        apply(new ExecutionBatchRecorded(executionId, campaignId, workspaceId, command.batchNumber(),
                command.components(), command.now()));
        return true;
    }

    @CommandHandler
    public boolean handle(FinishExecution command) {
        if (status.isFinal()) {
            return false;
        }

        apply(new ExecutionFinished(executionId, campaignId, workspaceId, command.status(), command.reason(),
                command.now()));
        return true;
    }

    @CommandHandler
    public long handle(StopExecution command) {
        if (!workspaceId.equals(command.workspaceId())) {
            throw new NotFoundException("execution", executionId);
        }
        checkRunning();

        apply(new ExecutionFinished(executionId, campaignId, workspaceId, ExecutionStatus.STOPPED, command.reason(),
                command.now()));
        return version;
    }

    private void checkRunning() {
        if (status.isFinal()) {
            throw new ExecutionNotRunning(executionId, status);
        }
    }

    @EventSourcingHandler
    void on(ExecutionStarted event) {
        executionId = event.executionId();
        campaignId = event.campaignId();
        workspaceId = event.workspaceId();
        status = ExecutionStatus.IN_PROGRESS;
        version++;
    }

    @EventSourcingHandler
    void on(ExecutionBatchRecorded event) {
        recordedBatches.add(event.batchNumber());
        version++;
    }

    @EventSourcingHandler
    void on(ExecutionFinished event) {
        status = event.status();
        version++;
    }
}
