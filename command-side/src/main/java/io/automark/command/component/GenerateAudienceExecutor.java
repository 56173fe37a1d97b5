package io.automark.command.component;

import io.automark.command.audience.AudienceMember;
import io.automark.command.audience.AudienceStore;
import io.automark.events.campaign.ComponentType;
import io.automark.events.campaign.FlowComponent;
import io.automark.events.execution.UserOutcome;
import io.automark.events.execution.UserResult;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Saves the users who reach it as a new audience (configuration: {@code name}). Each batch writes the chunk of the
 * same number, so a batch run again writes the same chunk again; the audience is registered when the run ends.
 */
@Component
public class GenerateAudienceExecutor implements ComponentExecutor {

    private final AudienceStore audiences;

    GenerateAudienceExecutor(AudienceStore audiences) {
        this.audiences = audiences;
    }

    /** The generated audience's id: the same for every batch and every attempt of one component in one run. */
    public static String audienceIdOf(String executionId, String componentId) {
        return UUID.nameUUIDFromBytes((executionId + ":" + componentId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    @Override
    public Set<ComponentType> types() {
        return Set.of(ComponentType.GENERATE_AUDIENCE);
    }

    @Override
    public ComponentRun execute(BatchContext context, FlowComponent component, List<AudienceMember> users) {
        audiences.replaceChunk(audienceIdOf(context.executionId(), component.id()), context.batchNumber(), users);

        return ComponentRun.of(users.stream()
                .map(user -> new UserOutcome(user.userId(), UserResult.PASSED, null, null))
                .toList());
    }
}
