package io.automark.command.component;

import io.automark.command.audience.AudienceMember;
import io.automark.command.behavior.EntryLedger;
import io.automark.events.campaign.ComponentType;
import io.automark.events.campaign.FlowComponent;
import io.automark.events.execution.UserOutcome;
import io.automark.events.execution.UserResult;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The behaviour-event entry: users whose event matched come in, unless the re-entry rule keeps them out
 * ({@code reentry}: {@code ONCE}, the default, lets a user in once per run; an ISO-8601 duration such as
 * {@code PT24H} lets a user in again that long after the last entry, counted from when the entry was processed).
 */
@Component
class BehaviorEntryExecutor implements ComponentExecutor {

    static final String ALREADY_ENTERED = "ALREADY_ENTERED";

    private final EntryLedger ledger;
    private final Clock clock;

    BehaviorEntryExecutor(EntryLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    public Set<ComponentType> types() {
        return Set.of(ComponentType.BEHAVIOR_EVENT);
    }

    @Override
    public ComponentRun execute(BatchContext context, FlowComponent component, List<AudienceMember> users) {
        Object reentry = component.config().get("reentry");
        Duration after = reentry == null || "ONCE".equals(reentry) ? null : Duration.parse(String.valueOf(reentry));
        return ComponentRun.of(users.stream()
                .map(user -> ledger.admit(context.executionId(), user.userId(), context.batchNumber(),
                        clock.instant(), after)
                        ? new UserOutcome(user.userId(), UserResult.PASSED, null, null)
                        : new UserOutcome(user.userId(), UserResult.NOT_PASSED, null, ALREADY_ENTERED))
                .toList());
    }
}
