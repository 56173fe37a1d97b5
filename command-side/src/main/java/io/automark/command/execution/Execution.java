package io.automark.command.execution;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.automark.command.common.NotFoundException;
import io.automark.command.execution.ExecutionCommands.FinishExecution;
import io.automark.command.execution.ExecutionCommands.ReExecute;
import io.automark.command.execution.ExecutionCommands.RecordExecutionBatch;
import io.automark.command.execution.ExecutionCommands.StopExecution;
import io.automark.events.campaign.FlowDefinition;
import io.automark.events.execution.ExecutionBatchRecorded;
import io.automark.events.execution.ExecutionFinished;
import io.automark.events.execution.ExecutionReExecuted;
import io.automark.events.execution.ExecutionStarted;
import io.automark.events.execution.ExecutionStatus;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

/**
 * One run of a campaign. It guards that each batch of results is recorded once and that nothing is recorded after
 * the run ended. A campaign creates it when a run starts.
 */
// Snapshots are written with Jackson from the fields; the aggregate has no getters.
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@Aggregate(cache = "executionCache", snapshotTriggerDefinition = "executionSnapshots")
public class Execution {

    @AggregateIdentifier
    private String executionId;
    private String campaignId;
    private String workspaceId;
    private ExecutionStatus status;
    private int flowVersion;
    private FlowDefinition flow;
    private String reExecutedAs;
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
        // A batch that was in flight when the run was stopped still reports what it sent, so nothing goes unrecorded.
        if (status == ExecutionStatus.COMPLETED || status == ExecutionStatus.ABNORMAL_END) {
            throw new ExecutionNotRunning(executionId, status);
        }
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
    public long handle(StopExecution command, ExecutionStops stops) {
        checkWorkspace(command.workspaceId());
        checkRunning();

        apply(new ExecutionFinished(executionId, campaignId, workspaceId, ExecutionStatus.STOPPED, command.reason(),
                command.now()));
        // Workers check the mark before each slice of sends, so nothing more starts once the stop is answered.
        stops.markWhenStored(List.of(executionId), command.reason(), command.now());
        return version;
    }

    @CommandHandler
    public String handle(ReExecute command) {
        checkWorkspace(command.workspaceId());
        if (status != ExecutionStatus.ABNORMAL_END) {
            throw new ExecutionNotReExecutable(executionId, "it ended " + status + ", not ABNORMAL_END");
        }
        if (reExecutedAs != null) {
            throw new ExecutionNotReExecutable(executionId, "it was already run again as " + reExecutedAs);
        }

        apply(new ExecutionReExecuted(executionId, campaignId, workspaceId, command.newExecutionId(), command.now()));
        try {
            createNew(Execution.class, () -> new Execution(command.newExecutionId(), campaignId, workspaceId,
                    flowVersion, flow, command.now()));
        } catch (Exception e) {
            throw new IllegalStateException("execution " + command.newExecutionId() + " could not be created", e);
        }
        return command.newExecutionId();
    }

    private void checkWorkspace(String workspace) {
        if (!workspaceId.equals(workspace)) {
            throw new NotFoundException("execution", executionId);
        }
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
        flowVersion = event.flowVersion();
        flow = event.flow();
        status = ExecutionStatus.IN_PROGRESS;
        version++;
    }

    @EventSourcingHandler
    void on(ExecutionBatchRecorded event) {
        recordedBatches.add(event.batchNumber());
        version++;
    }

    @EventSourcingHandler
    void on(ExecutionReExecuted event) {
        reExecutedAs = event.newExecutionId();
        version++;
    }

    @EventSourcingHandler
    void on(ExecutionFinished event) {
        status = event.status();
        version++;
    }
}
