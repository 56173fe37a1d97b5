package io.automark.command.behavior;

import io.automark.events.campaign.CampaignFinished;
import io.automark.events.campaign.CampaignStopped;
import io.automark.events.campaign.ComponentType;
import io.automark.events.campaign.FlowComponent;
import io.automark.events.execution.ExecutionFinished;
import io.automark.events.execution.ExecutionStarted;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Keeps the entry triggers in step with the executions: a behaviour-event execution takes events from its start,
 * and none once it ended, its campaign stopped, or its campaign finished (no new user enters a FINISHED campaign).
 * {@link TriggerArming} arms a trigger in the start's own unit of work; arming it again here from the event stream
 * covers a start whose process died between storing it and arming.
 */
@Component
@ProcessingGroup("command-behavior-triggers")
class TriggerKeeper {

    private final EntryTriggers triggers;

    TriggerKeeper(EntryTriggers triggers) {
        this.triggers = triggers;
    }

    @EventHandler
    void on(ExecutionStarted event) {
        event.flow().components().stream()
                .filter(component -> component.type() == ComponentType.BEHAVIOR_EVENT)
                .findFirst()
                .ifPresent(entry -> triggers.add(triggerOf(event, entry), event.flow()));
    }

    @EventHandler
    void on(ExecutionFinished event) {
        triggers.removeExecution(event.executionId());
    }

    @EventHandler
    void on(CampaignStopped event) {
        triggers.removeCampaign(event.campaignId());
    }

    @EventHandler
    void on(CampaignFinished event) {
        triggers.removeCampaign(event.campaignId());
    }

    static EntryTrigger triggerOf(ExecutionStarted event, FlowComponent entry) {
        Object reentry = entry.config().get("reentry");
        Duration after = reentry == null || "ONCE".equals(reentry) ? null : Duration.parse(String.valueOf(reentry));
        return new EntryTrigger(event.executionId(), event.campaignId(), event.workspaceId(), entry.id(),
                (String) entry.config().get("eventType"), entry.config(), event.startedAt(), after);
    }
}
