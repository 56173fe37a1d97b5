package io.automark.command.execution;

import io.automark.command.audience.AudienceMember;
import io.automark.command.component.BatchContext;
import io.automark.command.component.ComponentExecutors;
import io.automark.command.component.ComponentRun;
import io.automark.command.flow.FlowGraph;
import io.automark.command.waiting.Parking;
import io.automark.command.waiting.ParkedUser;
import io.automark.command.waiting.WokenUser;
import io.automark.events.campaign.FlowComponent;
import io.automark.events.execution.ComponentOutcomes;
import io.automark.events.execution.UserOutcome;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes one batch of users through a flow: each component runs once over all the users that reached it, in an
 * order where every component comes after those that lead to it. Users who must wait stop where they are and are
 * handed back as parked; when their wait ends, {@link #resume} takes them on from that component.
 */
class BatchRouter {

    private final ComponentExecutors executors;

    BatchRouter(ComponentExecutors executors) {
        this.executors = executors;
    }

    /** Routes users who enter at the flow's entry. */
    RoutedBatch route(BatchContext context, FlowGraph flow, List<AudienceMember> users) {
        Map<String, Map<String, AudienceMember>> inbox = new HashMap<>();
        inbox.put(flow.entry().orElseThrow().id(), byUserId(users));

        return routeFrom(context, flow, inbox, new ArrayList<>());
    }

    /** Routes users whose wait at {@code componentId} ended: each leaves it as its exit says, then goes on. */
    RoutedBatch resume(BatchContext context, FlowGraph flow, String componentId, List<WokenUser> users) {
        FlowComponent waitedAt = flow.component(componentId);
        List<UserOutcome> left = new ArrayList<>(users.size());
        List<AudienceMember> members = new ArrayList<>(users.size());
        for (WokenUser user : users) {
            context.earlier().addEarlier(user.member().userId(), user.earlier());
            left.add(new UserOutcome(user.member().userId(), user.exit().result(), user.exit().branch(), null));
            members.add(user.member());
        }
        context.earlier().add(componentId, left);

        List<ComponentOutcomes> outcomes = new ArrayList<>();
        outcomes.add(new ComponentOutcomes(componentId, waitedAt.type(), left, true));
        Map<String, Map<String, AudienceMember>> inbox = new HashMap<>();
        passOn(flow, waitedAt, members, left, inbox);
        return routeFrom(context, flow, inbox, outcomes);
    }

    private RoutedBatch routeFrom(BatchContext context, FlowGraph flow, Map<String, Map<String, AudienceMember>> inbox,
                                  List<ComponentOutcomes> outcomes) {
        List<String> failures = new ArrayList<>();
        List<ParkedUser> parked = new ArrayList<>();
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
            List<AudienceMember> leaving = run.changed() == null ? members : run.changed();
            park(context, component, leaving, run.parked(), parked);
            passOn(flow, component, leaving, run.outcomes(), inbox);
        }
        return new RoutedBatch(outcomes, failures, parked);
    }

    private static void park(BatchContext context, FlowComponent component, List<AudienceMember> members,
                             Map<String, Parking> parkings, List<ParkedUser> parked) {
        if (parkings.isEmpty()) {
            return;
        }
        for (AudienceMember member : members) {
            Parking parking = parkings.get(member.userId());
            if (parking != null) {
                Long chunk = context.audienceId() == null ? null : context.chunkOf(member.userId());
                parked.add(new ParkedUser(component.id(), member, parking, context.earlier().of(member.userId()),
                        context.audienceId(), chunk));
            }
        }
    }

    private static void passOn(FlowGraph flow, FlowComponent component, List<AudienceMember> members,
                               List<UserOutcome> outcomes, Map<String, Map<String, AudienceMember>> inbox) {
        for (int i = 0; i < members.size(); i++) {
            UserOutcome outcome = outcomes.get(i);
            if (stopsHere(outcome)) {
                continue;
            }
            for (String next : flow.next(component.id(), outcome.branch())) {
                // A user who reaches a component by two paths is still handled by it once.
                inbox.computeIfAbsent(next, id -> new LinkedHashMap<>()).putIfAbsent(members.get(i).userId(),
                        members.get(i));
            }
        }
    }

    private static boolean stopsHere(UserOutcome outcome) {
        return switch (outcome.result()) {
            // A user who did not pass a component without branches (an entry that refused re-entry) stops.
            case NOT_PASSED -> outcome.branch() == null;
            // A waiting user goes on later; a user the stop kept from a component goes no further.
            case WAITING, STOPPED -> true;
            default -> false;
        };
    }

    private static Map<String, AudienceMember> byUserId(List<AudienceMember> users) {
        Map<String, AudienceMember> unique = new LinkedHashMap<>();
        users.forEach(user -> unique.putIfAbsent(user.userId(), user));
        return unique;
    }

    /**
     * The outcomes of every component that saw users, the failures of components that could not run, and the users
     * who now wait.
     */
    record RoutedBatch(List<ComponentOutcomes> outcomes, List<String> failures, List<ParkedUser> parked) {
    }
}
