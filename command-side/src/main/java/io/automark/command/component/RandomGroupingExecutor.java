package io.automark.command.component;

import io.automark.command.audience.AudienceMember;
import io.automark.events.campaign.ComponentType;
import io.automark.events.campaign.FlowComponent;
import io.automark.events.execution.UserOutcome;
import io.automark.events.execution.UserResult;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits users into groups by percent, for RANDOM_GROUPING and, through {@link AbTestExecutor}, an AB_TEST. The
 * group is a pure function of execution id, component id and user id, so a batch that runs again after a crash
 * routes every user the same way.
 */
@Component
class RandomGroupingExecutor implements ComponentExecutor {

    @Override
    public Set<ComponentType> types() {
        return Set.of(ComponentType.RANDOM_GROUPING);
    }

    @Override
    @SuppressWarnings("unchecked")
    public ComponentRun execute(BatchContext context, FlowComponent component, List<AudienceMember> users) {
        List<Map<String, Object>> groups = (List<Map<String, Object>>) component.config().get("groups");
        Buckets buckets = new Buckets(context.executionId() + ":" + component.id());
        List<UserOutcome> outcomes = new ArrayList<>(users.size());
        for (AudienceMember user : users) {
            outcomes.add(new UserOutcome(user.userId(), UserResult.PASSED, groupOf(groups, buckets.of(user.userId())),
                    null));
        }
        return ComponentRun.of(outcomes);
    }

    static String groupOf(List<Map<String, Object>> groups, long bucket) {
        double upper = 0;
        for (Map<String, Object> group : groups) {
            upper += ((Number) group.get("percent")).doubleValue() * Buckets.COUNT / 100;
            if (bucket < upper) {
                return (String) group.get("name");
            }
        }
        // Rounding can leave the top bucket just outside the sum; it belongs to the last group.
        return (String) groups.get(groups.size() - 1).get("name");
    }
}
