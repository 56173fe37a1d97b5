package io.automark.command.channel;

import io.automark.command.audience.AudienceMember;
import io.automark.command.component.BatchContext;
import io.automark.command.component.ComponentExecutor;
import io.automark.command.component.ComponentRun;
import io.automark.events.campaign.ComponentType;
import io.automark.events.campaign.FlowComponent;
import io.automark.events.execution.UserOutcome;
import io.automark.events.execution.UserResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Runs a sending component: claims the batch so that it is sent at most once, hands it to its channel and turns
 * the channel's results into user outcomes.
 */
public class ChannelExecutor implements ComponentExecutor {

    /** The reason recorded for users of a batch whose earlier attempt was cut off before its results were saved. */
    public static final String UNCONFIRMED = "DELIVERY_UNCONFIRMED";

    private static final Logger log = LoggerFactory.getLogger(ChannelExecutor.class);

    private final Channel channel;
    private final DeliveryClaims claims;
    private final Clock clock;

    public ChannelExecutor(Channel channel, DeliveryClaims claims, Clock clock) {
        this.channel = channel;
        this.claims = claims;
        this.clock = clock;
    }

    @Override
    public Set<ComponentType> types() {
        return channel.types();
    }

    @Override
    public ComponentRun execute(BatchContext context, FlowComponent component, List<AudienceMember> users) {
        if (!claims.claim(context.executionId(), component.id(), context.batchNumber(), clock.instant())) {
            // Known shortcoming: an attempt cut off between sending and recording leaves its sends unconfirmed.
            // They are never sent again (at most once) and are recorded as failed; a per-user ledger would tell
            // sent from unsent (tracked in the exactly-once issue).
            log.warn("Batch {} of component [{}] in execution [{}] was claimed before; not sending it again",
                    context.batchNumber(), component.id(), context.executionId());
            return ComponentRun.of(users.stream()
                    .map(user -> new UserOutcome(user.userId(), UserResult.FAILED, null, UNCONFIRMED))
                    .toList());
        }

        List<SendResult> results = channel.send(new SendBatch(context, component, users));
        return outcomesOf(users, results);
    }

    private static ComponentRun outcomesOf(List<AudienceMember> users, List<SendResult> results) {
        List<UserOutcome> outcomes = new ArrayList<>(users.size());
        boolean anyReached = false;
        String transportFailure = null;
        for (int i = 0; i < users.size(); i++) {
            SendResult result = results.get(i);
            outcomes.add(new UserOutcome(users.get(i).userId(), resultOf(result), null, result.reason()));
            anyReached |= result.attempted() && !result.transport();
            if (result.transport()) {
                transportFailure = result.reason();
            }
        }
        // The component fails when its provider could not be reached for anyone; single failures are the users'.
        String failure = !anyReached && transportFailure != null ? transportFailure : null;
        return new ComponentRun(outcomes, failure);
    }

    private static UserResult resultOf(SendResult result) {
        if (result.succeeded()) {
            return UserResult.SUCCESS;
        }
        return result.attempted() ? UserResult.FAILED : UserResult.SKIPPED;
    }
}
