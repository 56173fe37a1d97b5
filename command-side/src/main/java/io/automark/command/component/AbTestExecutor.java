package io.automark.command.component;

import io.automark.command.abtest.AbTest;
import io.automark.command.abtest.GoalWatches;
import io.automark.command.audience.AudienceMember;
import io.automark.events.campaign.ComponentType;
import io.automark.events.campaign.FlowComponent;
import io.automark.events.execution.UserOutcome;
import io.automark.events.execution.UserResult;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits users into the groups of an AB test, as a RANDOM_GROUPING does, and watches each for the test's goal
 * ({@code goal: {eventType, windowHours}}): a behaviour event of that type by the user, after the user entered and
 * before the test window closes, {@code windowHours} after the test's first users entered. When it closes, the
 * execution sets the winning group (see {@link io.automark.events.execution.AbTestDecided} for the rule).
 */
@Component
class AbTestExecutor implements ComponentExecutor {

    private final GoalWatches watches;
    private final Clock clock;

    AbTestExecutor(GoalWatches watches, Clock clock) {
        this.watches = watches;
        this.clock = clock;
    }

    @Override
    public Set<ComponentType> types() {
        return Set.of(ComponentType.AB_TEST);
    }

    @Override
    @SuppressWarnings("unchecked")
    public ComponentRun execute(BatchContext context, FlowComponent component, List<AudienceMember> users) {
        List<Map<String, Object>> groups = (List<Map<String, Object>>) component.config().get("groups");
        Map<String, Object> goal = (Map<String, Object>) component.config().get("goal");
        Buckets buckets = new Buckets(context.executionId() + ":" + component.id());

        Map<String, String> groupByUser = new LinkedHashMap<>();
        List<UserOutcome> outcomes = new ArrayList<>(users.size());
        for (AudienceMember user : users) {
            String group = RandomGroupingExecutor.groupOf(groups, buckets.of(user.userId()));
            groupByUser.put(user.userId(), group);
            outcomes.add(new UserOutcome(user.userId(), UserResult.PASSED, group, null));
        }

        double hours = ((Number) goal.get("windowHours")).doubleValue();
        Duration window = Duration.ofMillis(Math.round(hours * Duration.ofHours(1).toMillis()));
        watches.watch(new AbTest(context.executionId(), context.campaignId(), context.workspaceId(), component.id(),
                (String) goal.get("eventType"), window), groupByUser, clock.instant());
        return ComponentRun.of(outcomes);
    }
}
