package io.automark.command.component;

import io.automark.command.audience.AudienceMember;
import io.automark.events.campaign.ComponentType;
import io.automark.events.campaign.FlowComponent;
import io.automark.events.execution.UserOutcome;
import io.automark.events.execution.UserResult;

import java.util.List;
import java.util.Set;

/** Runs one kind of component over a batch of users. Implementations are stateless and thread-safe. */
public interface ComponentExecutor {

    Set<ComponentType> types();

    ComponentRun execute(BatchContext context, FlowComponent component, List<AudienceMember> users);

    /**
     * What the users of a batch came to when this component threw on the batch's last attempt and was given up; runs
     * nothing of the component. By default each user FAILED with the cause; an executor that keeps what it did
     * before it threw (a channel's delivery ledger) answers that for the users it reached.
     *
     * @param cause why the component was given up, as the users' reason
     * @return one outcome per user, in the order the users came in
     */
    default List<UserOutcome> givenUp(BatchContext context, FlowComponent component, List<AudienceMember> users,
                                      String cause) {
        return users.stream()
                .map(user -> new UserOutcome(user.userId(), UserResult.FAILED, null, cause))
                .toList();
    }
}
