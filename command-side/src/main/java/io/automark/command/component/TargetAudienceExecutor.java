package io.automark.command.component;

import io.automark.command.audience.AudienceMember;
import io.automark.events.campaign.ComponentType;
import io.automark.events.campaign.FlowComponent;
import io.automark.events.execution.UserOutcome;
import io.automark.events.execution.UserResult;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;

/** The audience entry: every member of the audience enters and flows on. */
@Component
class TargetAudienceExecutor implements ComponentExecutor {

    @Override
    public Set<ComponentType> types() {
        return Set.of(ComponentType.TARGET_AUDIENCE);
    }

    @Override
    public ComponentRun execute(BatchContext context, FlowComponent component, List<AudienceMember> users) {
        return ComponentRun.of(users.stream()
                .map(user -> new UserOutcome(user.userId(), UserResult.PASSED, null, null))
                .toList());
    }
}
