package io.automark.command.execution;

import io.automark.command.campaign.CampaignCommands.CompleteCampaignRun;
import io.automark.command.execution.ExecutionCommands.StopExecution;
import io.automark.events.campaign.CampaignStopped;
import io.automark.events.execution.ExecutionFinished;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.time.Clock;

/** Keeps campaigns and their executions in step: a run's end can finish its campaign, a stop stops its run. */
@Component
@ProcessingGroup("command-campaign-runs")
class CampaignRunCoordinator {

    private final CommandGateway commands;
    private final Clock clock;

    CampaignRunCoordinator(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @EventHandler
    void on(ExecutionFinished event) {
        commands.sendAndWait(new CompleteCampaignRun(event.campaignId(), event.executionId(), event.status(),
                clock.instant()));
    }

    @EventHandler
    void on(CampaignStopped event) {
        if (event.executionId() == null) {
            return;
        }
        try {
            commands.sendAndWait(new StopExecution(event.executionId(), event.workspaceId(), "campaign stopped",
                    clock.instant()));
        } catch (ExecutionNotRunning e) {
            // The run had already ended on its own; nothing is left to stop.
        }
    }
}
