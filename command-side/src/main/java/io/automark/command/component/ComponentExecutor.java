package io.automark.command.component;

import io.automark.command.audience.AudienceMember;
import io.automark.events.campaign.ComponentType;
import io.automark.events.campaign.FlowComponent;

import java.util.List;
import java.util.Set;

/** Runs one kind of component over a batch of users. Implementations are stateless and thread-safe. */
public interface ComponentExecutor {

    Set<ComponentType> types();

    ComponentRun execute(BatchContext context, FlowComponent component, List<AudienceMember> users);
}
