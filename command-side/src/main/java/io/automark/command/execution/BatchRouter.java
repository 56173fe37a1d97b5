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
import io.automark.events.execution.UserResult;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes one batch of users through a flow: each component runs once over all the users that reached it, in an
 * order where every component comes after those that lead to it. Users who must wait stop where they are and are
 * handed back as parked; when their wait ends, {@link #resume} takes them on from that component.
 *
 * <p>A component that throws makes the attempt throw a {@link BatchFailure}, to be run again; on the batch's last
 * attempt the component is given up instead: its users end FAILED there with the cause (or what its executor knows
 * they came to, see {@link ComponentExecutors#givenUp}), go no further, and the rest of the batch goes on.
 */
class BatchRouter {

    /** How much of an exception's message a user's reason keeps: enough to tell causes apart. */
    private static final int CAUSE_LENGTH = 200;

    private final ComponentExecutors executors;

    BatchRouter(ComponentExecutors executors) {
        this.executors = executors;
    }

    /** Routes users who enter at the flow's entry; a component that throws makes the route throw. */
    RoutedBatch route(BatchContext context, FlowGraph flow, List<AudienceMember> users) {
        return route(context, flow, users, false);
    }

    /**
     * Routes users who enter at the flow's entry.
     *
     * @param lastAttempt whether a component that throws is given up (see the class) rather than thrown as a
     *                    {@link BatchFailure}
     */
    RoutedBatch route(BatchContext context, FlowGraph flow, List<AudienceMember> users, boolean lastAttempt) {
        Map<String, Map<String, AudienceMember>> inbox = new HashMap<>();
        inbox.put(flow.entry().orElseThrow().id(), byUserId(users));

        return routeFrom(context, flow, inbox, new ArrayList<>(), lastAttempt);
    }

    /**
     * The outcome of a batch whose chunk could not be read on its last attempt: the users whose ids could still be
     * read end FAILED at the entry with the cause.
     */
    RoutedBatch unreadable(FlowGraph flow, List<String> userIds, RuntimeException thrown) {
        FlowComponent entry = flow.entry().orElseThrow();
        String cause = causeOf(thrown);
        List<UserOutcome> failed = userIds.stream()
                .distinct()
                .map(userId -> new UserOutcome(userId, UserResult.FAILED, null, cause))
                .toList();

        List<ComponentOutcomes> outcomes = failed.isEmpty() ? List.of()
                : List.of(new ComponentOutcomes(entry.id(), entry.type(), failed));
        return new RoutedBatch(outcomes, List.of(entry.id() + ": " + cause), List.of(),
                List.of(new GivenUp(entry.id(), failed.size(), thrown)));
    }

    /**
     * Routes users whose wait at {@code componentId} ended: each leaves it as its exit says, then goes on.
     *
     * @param lastAttempt whether a component that throws is given up rather than thrown, as for {@link #route}
     */
    RoutedBatch resume(BatchContext context, FlowGraph flow, String componentId, List<WokenUser> users,
                       boolean lastAttempt) {
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
        return routeFrom(context, flow, inbox, outcomes, lastAttempt);
    }

    private RoutedBatch routeFrom(BatchContext context, FlowGraph flow, Map<String, Map<String, AudienceMember>> inbox,
                                  List<ComponentOutcomes> outcomes, boolean lastAttempt) {
        List<String> failures = new ArrayList<>();
        List<ParkedUser> parked = new ArrayList<>();
        List<GivenUp> givenUp = new ArrayList<>();
        for (FlowComponent component : flow.topologicalOrder()) {
            Map<String, AudienceMember> arrived = inbox.remove(component.id());
            if (arrived == null || arrived.isEmpty()) {
                continue;
            }
            List<AudienceMember> members = new ArrayList<>(arrived.values());
            ComponentRun run = run(context, component, members, lastAttempt, givenUp);
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
        return new RoutedBatch(outcomes, failures, parked, givenUp);
    }

    private ComponentRun run(BatchContext context, FlowComponent component, List<AudienceMember> members,
                             boolean lastAttempt, List<GivenUp> givenUp) {
        try {
            return executors.execute(context, component, members);
        } catch (RuntimeException e) {
            if (!lastAttempt) {
                throw new BatchFailure("component [" + component.id() + "]", e);
            }
            givenUp.add(new GivenUp(component.id(), members.size(), e));
            return executors.givenUp(context, component, members, causeOf(e));
        }
    }

    /**
     * An exception as a user's reason and a failure of the execution: its type and the start of its message's first
     * line, as channels report what their clients threw.
     */
    static String causeOf(Throwable thrown) {
        String message = thrown.getMessage() == null ? "" : thrown.getMessage().lines().findFirst().orElse("");
        String cause = message.isEmpty() ? thrown.getClass().getSimpleName()
                : thrown.getClass().getSimpleName() + ": " + message;
        return cause.length() <= CAUSE_LENGTH ? cause : cause.substring(0, CAUSE_LENGTH) + "...";
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
     * The outcomes of every component that saw users, the failures of components that could not run, the users who
     * now wait, and the components given up on the batch's last attempt (empty on other attempts).
     */
    record RoutedBatch(List<ComponentOutcomes> outcomes, List<String> failures, List<ParkedUser> parked,
                       List<GivenUp> givenUp) {
    }

    /**
     * A component given up on a batch's last attempt.
     *
     * @param users  how many users of the batch it had, all now ended there
     * @param thrown what it threw
     */
    record GivenUp(String componentId, int users, RuntimeException thrown) {
    }
}
