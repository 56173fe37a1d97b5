package io.automark.command.waiting;

import io.automark.command.behavior.BehaviorEventsAccepted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Ends the waits that behaviour events match, in the intake's thread, so an accepted event is never missed. */
@Component
class WaitEvents {

    private static final Logger log = LoggerFactory.getLogger(WaitEvents.class);

    private final WaitingUsers waits;
    private final Clock clock;

    WaitEvents(WaitingUsers waits, Clock clock) {
        this.waits = waits;
        this.clock = clock;
    }

    @EventListener
    void on(BehaviorEventsAccepted accepted) {
        List<WaitEvent> events = accepted.events().stream()
                .map(event -> {
                    Map<String, String> properties = new HashMap<>();
                    event.properties().forEach((key, value) -> properties.put(key, String.valueOf(value)));
                    return new WaitEvent(event.userId(), event.type(), event.occurredAt(), properties);
                })
                .toList();
        int woken = waits.wakeOnEvents(accepted.workspaceId(), events, clock.instant());
        if (woken > 0) {
            log.debug("Events of workspace [{}] ended the waits of {} users", accepted.workspaceId(), woken);
        }
    }
}
