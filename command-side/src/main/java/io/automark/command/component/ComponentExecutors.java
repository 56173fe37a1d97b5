package io.automark.command.component;

import io.automark.command.audience.AudienceMember;
import io.automark.events.campaign.ComponentType;
import io.automark.events.campaign.FlowComponent;
import io.automark.events.execution.UserOutcome;
import io.automark.events.execution.UserResult;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Finds the executor of each component type. */
public class ComponentExecutors {

    private final Map<ComponentType, ComponentExecutor> byType = new EnumMap<>(ComponentType.class);

    public ComponentExecutors(List<ComponentExecutor> executors) {
        for (ComponentExecutor executor : executors) {
            executor.types().forEach(type -> byType.put(type, executor));
        }
    }

    public boolean runs(ComponentType type) {
        return byType.containsKey(type);
    }

    public ComponentRun execute(BatchContext context, FlowComponent component, List<AudienceMember> users) {
        ComponentExecutor executor = byType.get(component.type());
        if (executor == null) {
            // Every type has an executor (a test checks it); this guards a type added to the contract before its
            // executor: such a run ends ABNORMAL_END instead of losing users.
            return new ComponentRun(users.stream()
                    .map(user -> new UserOutcome(user.userId(), UserResult.SKIPPED, null, "UNSUPPORTED_COMPONENT"))
                    .toList(), component.type() + " components have no executor");
        }
        return executor.execute(context, component, users);
    }

    /**
     * Gives up a component that threw on a batch's last attempt (see {@link ComponentExecutor#givenUp}): its users
     * stop there, and the component counts as failed with the cause.
     */
    public ComponentRun givenUp(BatchContext context, FlowComponent component, List<AudienceMember> users,
                                String cause) {
        ComponentExecutor executor = byType.get(component.type());
        List<UserOutcome> outcomes = executor != null ? executor.givenUp(context, component, users, cause)
                : users.stream().map(user -> new UserOutcome(user.userId(), UserResult.FAILED, null, cause)).toList();
        return new ComponentRun(outcomes, cause);
    }
}
