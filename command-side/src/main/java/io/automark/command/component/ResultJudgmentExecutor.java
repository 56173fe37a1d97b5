package io.automark.command.component;

import io.automark.command.audience.AudienceMember;
import io.automark.command.flow.Branches;
import io.automark.events.campaign.ComponentType;
import io.automark.events.campaign.FlowComponent;
import io.automark.events.execution.UserOutcome;
import io.automark.events.execution.UserResult;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Branches on an earlier send's result (configuration: {@code componentId} of the send, {@code results} that count
 * as "yes"): users whose result there is one of them leave by "yes", the others by "no".
 */
@Component
class ResultJudgmentExecutor implements ComponentExecutor {

    @Override
    public Set<ComponentType> types() {
        return Set.of(ComponentType.RESULT_JUDGMENT);
    }

    @Override
    public ComponentRun execute(BatchContext context, FlowComponent component, List<AudienceMember> users) {
        String send = (String) component.config().get("componentId");
        Set<String> wanted = ((List<?>) component.config().get("results")).stream()
                .map(String::valueOf)
                .collect(Collectors.toSet());

        return ComponentRun.of(users.stream()
                .map(user -> context.earlier().resultOf(send, user.userId())
                        .filter(result -> wanted.contains(result.name()))
                        .map(result -> new UserOutcome(user.userId(), UserResult.PASSED, Branches.YES, null))
                        .orElse(new UserOutcome(user.userId(), UserResult.NOT_PASSED, Branches.NO, null)))
                .toList());
    }
}
