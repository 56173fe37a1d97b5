package io.automark.command.channel;

import io.automark.command.audience.AudienceMember;
import io.automark.command.component.BatchContext;
import io.automark.command.component.ComponentExecutor;
import io.automark.command.component.ComponentRun;
import io.automark.command.execution.ExecutionStops;
import io.automark.events.campaign.ComponentType;
import io.automark.events.campaign.FlowComponent;
import io.automark.events.execution.UserOutcome;
import io.automark.events.execution.UserResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a sending component: sends the batch in slices, writes each slice's results to the delivery ledger, and
 * turns the results into user outcomes. A batch run again after a crash skips the users the ledger already holds.
 *
 * <p>Before each slice it reads the execution's stop mark from the store; once the execution is stopped, no further
 * slice starts and the users not yet sent to end {@link UserResult#STOPPED} here. This is what "instant" means for a
 * stop: every slice that starts after the stop was acknowledged sees the mark, on any instance; the sends of a slice
 * that started before it (at most {@link #SLICE} per sending component of a running batch, with their retries) may
 * still go out and are recorded as what they came to.
 */
public class ChannelExecutor implements ComponentExecutor {

    /** How many sends go between two writes of the ledger: at most this many are repeated after a crash. */
    static final int SLICE = 100;

    private static final Logger log = LoggerFactory.getLogger(ChannelExecutor.class);

    private final Channel channel;
    private final DeliveryLedger ledger;
    private final ExecutionStops stops;

    public ChannelExecutor(Channel channel, DeliveryLedger ledger, ExecutionStops stops) {
        this.channel = channel;
        this.ledger = ledger;
        this.stops = stops;
    }

    @Override
    public Set<ComponentType> types() {
        return channel.types();
    }

    @Override
    public ComponentRun execute(BatchContext context, FlowComponent component, List<AudienceMember> users) {
        Map<String, SendResult> done = ledger.recorded(context.executionId(), component.id(), context.batchNumber(),
                users);
        List<AudienceMember> pending = users.stream()
                .filter(user -> !done.containsKey(user.userId()))
                .toList();
        if (!done.isEmpty()) {
            log.info("Batch {} of component [{}] in execution [{}] resumes: {} sends done, {} to go",
                    context.batchNumber(), component.id(), context.executionId(), done.size(), pending.size());
        }

        for (int from = 0; from < pending.size(); from += SLICE) {
            if (stops.stopped(context.executionId())) {
                log.info("Execution [{}] was stopped: component [{}] sends to none of the {} users left in batch {}",
                        context.executionId(), component.id(), pending.size() - from, context.batchNumber());
                break;
            }
            List<AudienceMember> slice = pending.subList(from, Math.min(from + SLICE, pending.size()));
            List<SendResult> results = channel.send(new SendBatch(context, component, slice));
            ledger.record(context.executionId(), component.id(), context.batchNumber(), slice, results);
            for (int i = 0; i < slice.size(); i++) {
                done.put(slice.get(i).userId(), results.get(i));
            }
        }
        return outcomesOf(users, users.stream().map(user -> done.get(user.userId())).toList());
    }

    /**
     * Users the ledger holds a send for keep what it came to, so that a given-up batch neither sends to them again
     * nor counts a delivered message as failed; the others FAILED with the cause.
     */
    @Override
    public List<UserOutcome> givenUp(BatchContext context, FlowComponent component, List<AudienceMember> users,
                                     String cause) {
        Map<String, SendResult> done = ledger.recorded(context.executionId(), component.id(), context.batchNumber(),
                users);
        List<UserOutcome> outcomes = new ArrayList<>(users.size());
        for (AudienceMember user : users) {
            SendResult result = done.get(user.userId());
            outcomes.add(result == null ? new UserOutcome(user.userId(), UserResult.FAILED, null, cause)
                    : new UserOutcome(user.userId(), resultOf(result), null, result.reason()));
        }
        return outcomes;
    }

    /** Users without a result were not sent to because the execution was stopped. */
    private static ComponentRun outcomesOf(List<AudienceMember> users, List<SendResult> results) {
        List<UserOutcome> outcomes = new ArrayList<>(users.size());
        boolean anyReached = false;
        String transportFailure = null;
        for (int i = 0; i < users.size(); i++) {
            SendResult result = results.get(i);
            if (result == null) {
                outcomes.add(new UserOutcome(users.get(i).userId(), UserResult.STOPPED, null, null));
                continue;
            }
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
