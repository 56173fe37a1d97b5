package io.automark.command.campaign;

import io.automark.command.execution.ExecutionCommands.StopExecution;
import io.automark.command.execution.ExecutionNotRunning;
import io.automark.events.campaign.CampaignRunStopped;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Stops the earlier runs of a periodic campaign that were still in progress when the campaign stopped. The newest
 * run is named by the campaign's stop itself and stopped with it; the earlier ones are named each in its own event.
 */
@Component
@ProcessingGroup("command-campaign-runs")
class EarlierRunStopper {

    private final CommandGateway commands;
    private final Clock clock;

    EarlierRunStopper(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @EventHandler
    void on(CampaignRunStopped event) {
        try {
            commands.sendAndWait(new StopExecution(event.executionId(), event.workspaceId(), "campaign stopped",
                    clock.instant()));
        } catch (ExecutionNotRunning e) {
            // The run had ended on its own in the meantime; nothing is left to stop.
        }
    }
}
