package io.automark.command.behavior;

import io.automark.events.campaign.ComponentType;
import io.automark.events.execution.ExecutionStarted;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Arms a behaviour-event execution's entry trigger in the unit of work that starts the execution, before the
 * command that started it answers. A client told that a campaign is in progress can send events at once, and none
 * is missed. The processing group is subscribing (see application-command.yml) for that reason.
 */
@Component
@ProcessingGroup(TriggerArming.GROUP)
class TriggerArming {

    static final String GROUP = "command-behavior-arming";

    private final EntryTriggers triggers;

    TriggerArming(EntryTriggers triggers) {
        this.triggers = triggers;
    }

    @EventHandler
    void on(ExecutionStarted event) {
        event.flow().components().stream()
                .filter(component -> component.type() == ComponentType.BEHAVIOR_EVENT)
                .findFirst()
                .ifPresent(entry -> triggers.add(TriggerKeeper.triggerOf(event, entry), event.flow()));
    }
}
