package io.automark.command.component;

import io.automark.command.audience.AudienceMember;
import io.automark.command.flow.Branches;
import io.automark.command.waiting.EventMatch;
import io.automark.command.waiting.Exit;
import io.automark.command.waiting.Parking;
import io.automark.events.campaign.ComponentType;
import io.automark.events.campaign.FlowComponent;
import io.automark.events.execution.UserOutcome;
import io.automark.events.execution.UserResult;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Holds users until a time or an event. Configuration, exactly one of:
 * <ul>
 *   <li>{@code duration}: an ISO-8601 duration counted from when the user arrives;</li>
 *   <li>{@code until}: an instant; users who arrive later go straight on;</li>
 *   <li>{@code event: {eventType, key}} with {@code timeout}: the user waits for an event of that type by the
 *       same user, and when {@code key} names a property, one whose value equals the user's attribute of that name
 *       (for a behaviour entry, the entry event's property, such as the same order id). The event leaves by
 *       {@code matched}; when {@code timeout} passes first, the user leaves by {@code timeout}.</li>
 * </ul>
 * Users wait in the store, not in memory: see {@link io.automark.command.waiting.WaitingUsers}.
 */
@Component
class WaitUntilExecutor implements ComponentExecutor {

    private static final Exit ON = new Exit(UserResult.PASSED, null);
    private static final Exit MATCHED = new Exit(UserResult.PASSED, Branches.MATCHED);
    private static final Exit TIMED_OUT = new Exit(UserResult.NOT_PASSED, Branches.TIMEOUT);

    private final Clock clock;

    WaitUntilExecutor(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Set<ComponentType> types() {
        return Set.of(ComponentType.WAIT_UNTIL);
    }

    @Override
    public ComponentRun execute(BatchContext context, FlowComponent component, List<AudienceMember> users) {
        Instant now = clock.instant();
        Map<String, Object> config = component.config();
        if (config.get("event") instanceof Map<?, ?> event) {
            Instant timeout = now.plus(Duration.parse(String.valueOf(config.get("timeout"))));
            return waitForEvent(users, String.valueOf(event.get("eventType")), (String) event.get("key"), timeout);
        }

        Instant until = config.get("duration") != null
                ? now.plus(Duration.parse(String.valueOf(config.get("duration"))))
                : Instant.parse(String.valueOf(config.get("until")));
        if (!until.isAfter(now)) {
            return ComponentRun.of(users.stream().map(user -> outcome(user, ON)).toList());
        }
        Map<String, Parking> parked = new HashMap<>();
        users.forEach(user -> parked.put(user.userId(), Parking.until(until, ON)));
        return new ComponentRun(users.stream().map(WaitUntilExecutor::waiting).toList(), null, null, parked);
    }

    private static ComponentRun waitForEvent(List<AudienceMember> users, String eventType, String key,
                                             Instant timeout) {
        Map<String, Parking> parked = new HashMap<>();
        for (AudienceMember user : users) {
            String value = key == null ? null : user.attributes().get(key);
            // A user without the key's value cannot be matched to an event; only the time-out lets it go on.
            EventMatch match = key == null ? new EventMatch(eventType, Map.of())
                    : value == null ? null : new EventMatch(eventType, Map.of(key, List.of(value)));
            parked.put(user.userId(), new Parking(timeout, TIMED_OUT, match, match == null ? null : MATCHED));
        }
        return new ComponentRun(users.stream().map(WaitUntilExecutor::waiting).toList(), null, null, parked);
    }

    private static UserOutcome waiting(AudienceMember user) {
        return new UserOutcome(user.userId(), UserResult.WAITING, null, null);
    }

    private static UserOutcome outcome(AudienceMember user, Exit exit) {
        return new UserOutcome(user.userId(), exit.result(), exit.branch(), null);
    }
}
