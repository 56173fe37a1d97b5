package io.automark.command.waiting;

import io.automark.events.execution.ExecutionFinished;
import io.automark.events.execution.ExecutionStatus;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.time.Clock;

/** Ends the waits of a stopped execution, so its waiting users are counted as STOPPED. */
@Component
@ProcessingGroup("command-waits")
class WaitStopper {

    private final WaitingUsers waits;
    private final Clock clock;

    WaitStopper(WaitingUsers waits, Clock clock) {
        this.waits = waits;
        this.clock = clock;
    }

    @EventHandler
    void on(ExecutionFinished event) {
        if (event.status() == ExecutionStatus.STOPPED) {
            waits.wakeStopped(event.executionId(), clock.instant());
        }
    }
}
