package io.automark.command.execution;

import io.automark.command.audience.AudienceMember;
import io.automark.command.component.BatchContext;
import io.automark.command.component.ComponentExecutors;
import io.automark.command.component.ComponentRun;
import io.automark.command.flow.FlowGraph;
import io.automark.events.campaign.FlowComponent;
import io.automark.events.execution.ComponentOutcomes;
import io.automark.events.execution.UserOutcome;
import io.automark.events.execution.UserResult;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes one batch of users through a flow: each component runs once over all the users that reached it, in an
 * order where every component comes after those that lead to it.
 */
class BatchRouter {

    private final ComponentExecutors executors;

    BatchRouter(ComponentExecutors executors) {
        this.executors = executors;
    }

    RoutedBatch route(BatchContext context, FlowGraph flow, List<AudienceMember> users) {
        Map<String, Map<String, AudienceMember>> inbox = new HashMap<>();
        FlowComponent entry = flow.entry().orElseThrow();
        inbox.put(entry.id(), byUserId(users));

        List<ComponentOutcomes> outcomes = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (FlowComponent component : flow.topologicalOrder()) {
            Map<String, AudienceMember> arrived = inbox.remove(component.id());
            if (arrived == null || arrived.isEmpty()) {
                continue;
            }
            List<AudienceMember> members = new ArrayList<>(arrived.values());
            ComponentRun run = executors.execute(context, component, members);
            outcomes.add(new ComponentOutcomes(component.id(), component.type(), run.outcomes()));
            context.earlier().add(component.id(), run.outcomes());
            if (run.failed()) {
                failures.add(component.id() + ": " + run.failure());
                continue;
            }
            passOn(flow, component, run.changed() == null ? members : run.changed(), run.outcomes(), inbox);
        }
        return new RoutedBatch(outcomes, failures);
    }

    private static void passOn(FlowGraph flow, FlowComponent component, List<AudienceMember> members,
                               List<UserOutcome> outcomes, Map<String, Map<String, AudienceMember>> inbox) {
        for (int i = 0; i < members.size(); i++) {
            UserOutcome outcome = outcomes.get(i);
            if (outcome.result() == UserResult.NOT_PASSED && outcome.branch() == null) {
                // A user who did not pass a component without branches (an entry that refused re-entry) stops.
                continue;
            }
            if (outcome.result() == UserResult.STOPPED) {
                // The execution was stopped before the component handled the user: the user goes no further.
                continue;
            }
            for (String next : flow.next(component.id(), outcome.branch())) {
                // A user who reaches a component by two paths is still handled by it once.
                inbox.computeIfAbsent(next, id -> new LinkedHashMap<>()).putIfAbsent(members.get(i).userId(),
                        members.get(i));
            }
        }
    }

    private static Map<String, AudienceMember> byUserId(List<AudienceMember> users) {
        Map<String, AudienceMember> unique = new LinkedHashMap<>();
        users.forEach(user -> unique.putIfAbsent(user.userId(), user));
        return unique;
    }

    /** The outcomes of every component that saw users, and the failures of components that could not run. */
    record RoutedBatch(List<ComponentOutcomes> outcomes, List<String> failures) {
    }
}
