package io.automark.command.execution;

import io.automark.command.audience.AudienceMember;
import io.automark.command.behavior.BehaviorInbox;
import io.automark.command.behavior.BehaviorInbox.EntryBatch;
import io.automark.command.behavior.EntryTriggers;
import io.automark.command.component.BatchContext;
import io.automark.command.execution.BatchRecorder.RunOf;
import io.automark.command.execution.BatchRouter.RoutedBatch;
import io.automark.command.flow.FlowGraph;
import io.automark.events.campaign.FlowDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a batch of users that behaviour events let in: routes them through their execution's flow and records the
 * outcomes as one batch of the execution. Recording a batch twice is refused by the execution, so a batch run again
 * after a crash records nothing twice.
 */
class EntryBatchRunner {

    private static final Logger log = LoggerFactory.getLogger(EntryBatchRunner.class);

    private final BehaviorInbox inbox;
    private final EntryTriggers triggers;
    private final BatchRouter router;
    private final BatchRecorder recorder;
    private final ExecutionStops stops;
    private final BatchRetries retries;

    EntryBatchRunner(BehaviorInbox inbox, EntryTriggers triggers, BatchRouter router, BatchRecorder recorder,
                     ExecutionStops stops, BatchRetries retries) {
        this.retries = retries;
        this.inbox = inbox;
        this.stops = stops;
        this.triggers = triggers;
        this.router = router;
        this.recorder = recorder;
    }

    /**
     * Runs the batch for {@code owner}. When a component throws, the attempt is counted and the batch handed back
     * for the back-off ({@link BatchRetries}); its last attempt gives up what throws, with those users FAILED.
     */
    void run(EntryBatch batch, String owner) {
        Optional<FlowDefinition> flow = triggers.flowOf(batch.executionId());
        if (flow.isEmpty() || stops.stopped(batch.executionId())) {
            log.info("Dropped entry batch [{}]: execution [{}] takes no more users", batch.id(),
                    batch.executionId());
            inbox.done(batch.id());
            return;
        }

        List<AudienceMember> users = batch.members().stream()
                .map(member -> new AudienceMember(member.userId(), member.properties(), Set.of()))
                .toList();
        BatchContext context = new BatchContext(batch.executionId(), batch.campaignId(), batch.workspaceId(), null,
                batch.batchNumber());
        RoutedBatch routed;
        try {
            routed = router.route(context, FlowGraph.of(flow.get()), users, retries.isLast(batch.failedAttempts()));
        } catch (RuntimeException e) {
            retries.retryLater(describe(batch), batch.campaignId(), batch.failedAttempts(),
                    retryAt -> inbox.countFailedAttempt(batch.id(), owner, retryAt), e);
            return;
        }
        try {
            boolean fresh = recorder.record(new RunOf(batch.executionId(), batch.campaignId(), batch.workspaceId(),
                    flow.get()), batch.batchNumber(), routed);
            if (fresh && !routed.givenUp().isEmpty()) {
                retries.reportGivenUp(describe(batch), batch.campaignId(), batch.failedAttempts(), routed.givenUp());
            }
        } catch (ExecutionNotRunning e) {
            log.info("Entry batch [{}] came after execution [{}] ended", batch.id(), batch.executionId());
        }
        routed.failures().forEach(failure -> log.warn("Execution [{}] of campaign [{}]: component failed: {}",
                batch.executionId(), batch.campaignId(), failure));
        inbox.done(batch.id());
    }

    private static String describe(EntryBatch batch) {
        return "entry batch [" + batch.id() + "] of execution [" + batch.executionId() + "]";
    }
}
