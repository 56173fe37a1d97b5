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
import java.util.Set;
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
        // Users let in by events come from no audience, so there is no store to write their tags to.
        if (context.audienceId() == null) {
            return new ComponentRun(List.of(), "TAG needs users from an audience", null);
        }
        Set<String> tags = ((List<?>) component.config().get("tags")).stream()
                .map(String::valueOf)
                .collect(Collectors.toCollection(LinkedHashSet::new));

        // Users who waited come from several chunks; a batch read from the audience, from one.
        String by = context.executionId() + "/" + component.id() + "/" + context.batchNumber();
        users.stream()
                .collect(Collectors.groupingBy(user -> context.chunkOf(user.userId()),
                        Collectors.mapping(AudienceMember::userId, Collectors.toSet())))
                .forEach((chunk, userIds) -> audiences.addTags(context.audienceId(), chunk, by, userIds, tags));

        List<AudienceMember> changed = users.stream()
                .map(user -> withTags(user, tags))
                .toList();
        List<UserOutcome> outcomes = users.stream()
                .map(user -> new UserOutcome(user.userId(), UserResult.PASSED, null, null))
                .toList();
        return new ComponentRun(outcomes, null, changed);
    }

    private static AudienceMember withTags(AudienceMember user, Set<String> tags) {
        Set<String> all = new LinkedHashSet<>(user.tags());
        all.addAll(tags);
        return new AudienceMember(user.userId(), user.attributes(), all);
    }
}
