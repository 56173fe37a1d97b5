package io.automark.command.component;

import io.automark.command.audience.AudienceMember;
import io.automark.command.flow.Branches;
import io.automark.command.flow.Conditions;
import io.automark.events.campaign.ComponentType;
import io.automark.events.campaign.FlowComponent;
import io.automark.events.execution.UserOutcome;
import io.automark.events.execution.UserResult;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;

/** Sends users who meet the conditions down the "yes" branch and the others down "no". */
@Component
class TagJudgmentExecutor implements ComponentExecutor {

    @Override
    public Set<ComponentType> types() {
        return Set.of(ComponentType.TAG_JUDGMENT);
    }

    @Override
    public ComponentRun execute(BatchContext context, FlowComponent component, List<AudienceMember> users) {
        Conditions conditions = Conditions.of(component.config());
        return ComponentRun.of(users.stream()
                .map(user -> judge(conditions, user))
                .toList());
    }

    private static UserOutcome judge(Conditions conditions, AudienceMember user) {
        boolean met = conditions.test(user.attributes(), user.tags());
        return met
                ? new UserOutcome(user.userId(), UserResult.PASSED, Branches.YES, null)
                : new UserOutcome(user.userId(), UserResult.NOT_PASSED, Branches.NO, null);
    }
}
