package io.automark.command.execution;

import io.automark.command.component.BatchContext;
import io.automark.command.execution.BatchRecorder.RunOf;
import io.automark.command.execution.BatchRouter.RoutedBatch;
import io.automark.command.flow.FlowGraph;
import io.automark.command.waiting.ExecutionFlows;
import io.automark.command.waiting.ResumeBatch;
import io.automark.command.waiting.ResumeBatches;
import io.automark.command.waiting.WaitingUsers;
import io.automark.command.waiting.WokenUser;
import io.automark.events.campaign.FlowDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Takes users whose wait ended on through the flow from the component they waited at, and records them as a batch
 * of their execution. The batch keeps its number when it runs again after a crash, so no send is repeated.
 */
class ResumedBatchRunner {

    private static final Logger log = LoggerFactory.getLogger(ResumedBatchRunner.class);

    private final ResumeBatches resumes;
    private final WaitingUsers waits;
    private final ExecutionFlows flows;
    private final ExecutionJobStore jobs;
    private final BatchRouter router;
    private final BatchRecorder recorder;
    private final BatchRetries retries;

    ResumedBatchRunner(ResumeBatches resumes, WaitingUsers waits, ExecutionFlows flows, ExecutionJobStore jobs,
                       BatchRouter router, BatchRecorder recorder, BatchRetries retries) {
        this.resumes = resumes;
        this.waits = waits;
        this.flows = flows;
        this.jobs = jobs;
        this.router = router;
        this.recorder = recorder;
        this.retries = retries;
    }

    /**
     * Runs the batch for {@code owner}. When a component throws, the attempt is counted and the batch handed back
     * for the back-off, as an audience batch is; its last attempt gives up what throws, with those users FAILED.
     */
    void run(ResumeBatch batch, String owner) {
        Optional<FlowDefinition> flow = flows.of(batch.executionId());
        if (flow.isEmpty()) {
            log.error("Resume batch {} of execution [{}] dropped: the execution's flow is not kept",
                    batch.batchNumber(), batch.executionId());
            resumes.done(batch);
            return;
        }

        List<WokenUser> users = waits.moved(batch.executionId(), batch.batchNumber());
        BatchContext context = BatchContext.resumed(batch.executionId(), batch.campaignId(), batch.workspaceId(),
                audienceOf(users), batch.batchNumber(), chunksOf(users));
        RoutedBatch routed;
        try {
            routed = router.resume(context, FlowGraph.of(flow.get()), batch.componentId(), users,
                    retries.isLast(batch.failedAttempts()));
        } catch (RuntimeException e) {
            retries.retryLater(describe(batch), batch.campaignId(), batch.failedAttempts(),
                    retryAt -> resumes.countFailedAttempt(batch, owner, retryAt), e);
            return;
        }
        record(batch, flow.get(), routed, users.size());
        resumes.done(batch);
    }

    private void record(ResumeBatch batch, FlowDefinition flow, RoutedBatch routed, int users) {
        try {
            boolean fresh = recorder.record(new RunOf(batch.executionId(), batch.campaignId(), batch.workspaceId(),
                    flow), batch.batchNumber(), routed);
            if (fresh && !routed.givenUp().isEmpty()) {
                retries.reportGivenUp(describe(batch), batch.campaignId(), batch.failedAttempts(), routed.givenUp());
            }
        } catch (ExecutionNotRunning e) {
            log.warn("Resume batch {} came after execution [{}] ended; its {} users are not recorded",
                    batch.batchNumber(), batch.executionId(), users);
        }

        jobs.addFailures(batch.executionId(), routed.failures());
        routed.failures().forEach(failure -> log.warn("Execution [{}] of campaign [{}]: component failed: {}",
                batch.executionId(), batch.campaignId(), failure));
    }

    private static String describe(ResumeBatch batch) {
        return "resume batch " + batch.batchNumber() + " of execution [" + batch.executionId() + "]";
    }

    /** The audience the users come from: one per execution, none when events let them in. */
    private static String audienceOf(List<WokenUser> users) {
        return users.stream().map(WokenUser::audienceId).filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static Map<String, Long> chunksOf(List<WokenUser> users) {
        Map<String, Long> chunks = new HashMap<>();
        users.stream()
                .filter(user -> user.chunk() != null)
                .forEach(user -> chunks.put(user.member().userId(), user.chunk()));
        return chunks;
    }
}
