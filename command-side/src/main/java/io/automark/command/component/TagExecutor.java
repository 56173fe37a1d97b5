package io.automark.command.component;

import io.automark.command.audience.AudienceMember;
import io.automark.command.audience.AudienceStore;
import io.automark.events.campaign.ComponentType;
import io.automark.events.campaign.FlowComponent;
import io.automark.events.execution.UserOutcome;
import io.automark.events.execution.UserResult;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Sets tags on users in the audience store (configuration: {@code tags}, a list of strings). Later components of
 * the same run see the new tags; so do later runs over the same audience.
 */
@Component
class TagExecutor implements ComponentExecutor {

    private final AudienceStore audiences;

    TagExecutor(AudienceStore audiences) {
        this.audiences = audiences;
    }

    @Override
    public Set<ComponentType> types() {
        return Set.of(ComponentType.TAG);
    }

    @Override
    public ComponentRun execute(BatchContext context, FlowComponent component, List<AudienceMember> users) {
        // Known shortcoming: users let in by events, and users who waited, come without the audience chunk they
        // belong to, so there is nothing to write their tags to; the component fails for them.
        if (context.audienceId() == null) {
            return new ComponentRun(List.of(), "TAG needs users from an audience", null);
        }
        Set<String> tags = ((List<?>) component.config().get("tags")).stream()
                .map(String::valueOf)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> userIds = users.stream().map(AudienceMember::userId).collect(Collectors.toSet());

        Map<String, AudienceMember> tagged = audiences.addTags(context.audienceId(), context.batchNumber(), userIds,
                        tags).stream()
                .collect(Collectors.toMap(AudienceMember::userId, Function.identity()));
        List<AudienceMember> changed = users.stream()
                .map(user -> tagged.getOrDefault(user.userId(), user))
                .toList();
        List<UserOutcome> outcomes = users.stream()
                .map(user -> new UserOutcome(user.userId(), UserResult.PASSED, null, null))
                .toList();
        return new ComponentRun(outcomes, null, changed);
    }
}
