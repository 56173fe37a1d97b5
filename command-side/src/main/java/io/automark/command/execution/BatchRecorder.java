package io.automark.command.execution;

import io.automark.command.execution.BatchRouter.RoutedBatch;
import io.automark.command.execution.ExecutionCommands.RecordExecutionBatch;
import io.automark.command.waiting.ExecutionFlows;
import io.automark.command.waiting.WaitingUsers;
import io.automark.events.campaign.FlowDefinition;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.time.Clock;

/**
 * Records a routed batch: first parks the users who wait, then records the outcomes. A crash in between makes the
 * batch run again, which parks nobody twice; recording first could lose the waiting users.
 */
class BatchRecorder {

    private final WaitingUsers waits;
    private final ExecutionFlows flows;
    private final CommandGateway commands;
    private final Clock clock;

    BatchRecorder(WaitingUsers waits, ExecutionFlows flows, CommandGateway commands, Clock clock) {
        this.waits = waits;
        this.flows = flows;
        this.commands = commands;
        this.clock = clock;
    }

    /**
     * Throws {@link ExecutionNotRunning} when the execution ended before the batch could be recorded.
     *
     * @return false when the execution had the batch from an earlier run already
     */
    boolean record(RunOf run, long batchNumber, RoutedBatch routed) {
        if (!routed.parked().isEmpty()) {
            flows.keep(run.executionId(), run.flow());
            waits.park(run.executionId(), run.campaignId(), run.workspaceId(), routed.parked(), clock.instant());
        }
        Boolean fresh = commands.sendAndWait(new RecordExecutionBatch(run.executionId(), batchNumber,
                routed.outcomes(), clock.instant()));
        return !Boolean.FALSE.equals(fresh);
    }

    /** The execution a batch belongs to. */
    record RunOf(String executionId, String campaignId, String workspaceId, FlowDefinition flow) {
    }
}
