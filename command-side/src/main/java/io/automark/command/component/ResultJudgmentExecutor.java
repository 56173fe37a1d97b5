package io.automark.command.component;

import io.automark.command.audience.AudienceMember;
import io.automark.command.flow.Branches;
import io.automark.command.waiting.EventMatch;
import io.automark.command.waiting.Exit;
import io.automark.command.waiting.Parking;
import io.automark.events.campaign.ComponentType;
import io.automark.events.campaign.FlowComponent;
import io.automark.events.execution.UserOutcome;
import io.automark.events.execution.UserResult;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Branches on an earlier send's result. Configuration: {@code componentId} of the send and {@code results} that
 * count as "yes". Users whose result there is one of them leave by "yes" at once.
 *
 * <p>With a {@code window} (an ISO-8601 duration), a result a provider reports later also counts: users whose send
 * succeeded but is not yet a "yes" wait for a receipt, a behaviour event of type {@code receiptEvent} (default
 * {@value #DEFAULT_RECEIPT}) by the same user with the send's {@code idempotencyKey} and a {@code result} among
 * {@code results} (for example {@code DELIVERED} or {@code OPENED}). A receipt within the window sends the user
 * by "yes"; when the window closes, the user leaves by "no". Failed and skipped sends get no receipt, so those
 * users leave by "no" at once.
 */
@Component
class ResultJudgmentExecutor implements ComponentExecutor {

    static final String DEFAULT_RECEIPT = "message_receipt";
    private static final Exit YES = new Exit(UserResult.PASSED, Branches.YES);
    private static final Exit NO = new Exit(UserResult.NOT_PASSED, Branches.NO);

    private final Clock clock;

    ResultJudgmentExecutor(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Set<ComponentType> types() {
        return Set.of(ComponentType.RESULT_JUDGMENT);
    }

    @Override
    public ComponentRun execute(BatchContext context, FlowComponent component, List<AudienceMember> users) {
        String send = (String) component.config().get("componentId");
        List<String> wanted = ((List<?>) component.config().get("results")).stream().map(String::valueOf).toList();
        Object window = component.config().get("window");
        Instant closes = window == null ? null : clock.instant().plus(Duration.parse(String.valueOf(window)));
        String receipt = String.valueOf(component.config().getOrDefault("receiptEvent", DEFAULT_RECEIPT));

        List<UserOutcome> outcomes = new ArrayList<>(users.size());
        Map<String, Parking> parked = new HashMap<>();
        for (AudienceMember user : users) {
            Optional<UserResult> result = context.earlier().resultOf(send, user.userId());
            if (result.isPresent() && wanted.contains(result.get().name())) {
                outcomes.add(outcome(user, YES));
            } else if (closes != null && result.orElse(null) == UserResult.SUCCESS) {
                EventMatch receiptOf = new EventMatch(receipt, Map.of(
                        "idempotencyKey", List.of(context.idempotencyKey(send, user.userId())),
                        "result", wanted));
                parked.put(user.userId(), new Parking(closes, NO, receiptOf, YES));
                outcomes.add(new UserOutcome(user.userId(), UserResult.WAITING, null, null));
            } else {
                outcomes.add(outcome(user, NO));
            }
        }
        return new ComponentRun(outcomes, null, null, parked);
    }

    private static UserOutcome outcome(AudienceMember user, Exit exit) {
        return new UserOutcome(user.userId(), exit.result(), exit.branch(), null);
    }
}
