package io.automark.command.waiting;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Gathers users whose wait ended into resume batches, a thousand at most per batch and one component each. Any
 * instance may run it at any time: a user goes into the batch of whichever instance moves it first.
 */
@Component
public class WaitWaker {

    static final int BATCH = 1000;
    private static final int BATCHES_PER_ROUND = 20;
    private static final Duration INTERRUPTED_AFTER = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(WaitWaker.class);

    private final WaitingUsers waits;
    private final ResumeBatches batches;
    private final ResumeBatchNumbers numbers;
    private volatile Instant lastCleanUp = Instant.EPOCH;

    WaitWaker(WaitingUsers waits, ResumeBatches batches, ResumeBatchNumbers numbers) {
        this.waits = waits;
        this.batches = batches;
        this.numbers = numbers;
    }

    /** Opens resume batches for the users whose wait is over; answers how many it opened. */
    public int wake(Instant now) {
        reopenInterrupted(now);
        cleanUp(now);

        int opened = 0;
        for (int round = 0; round < BATCHES_PER_ROUND; round++) {
            Optional<Document> due = waits.firstDue(now);
            if (due.isEmpty()) {
                break;
            }
            ResumeBatch batch = batchOf(due.get(), numbers.next(due.get().getString("executionId")));
            if (waits.moveDue(batch.executionId(), batch.componentId(), batch.batchNumber(), BATCH, now) > 0) {
                open(batch, now);
                opened++;
            }
        }
        return opened;
    }

    /** Opens the batches of users that were moved by an instance that died before it opened their batch. */
    private void reopenInterrupted(Instant now) {
        for (Document moved : waits.movedNotInboxed(now.minus(INTERRUPTED_AFTER))) {
            ResumeBatch batch = batchOf(moved, moved.get("batch", Number.class).longValue());
            log.info("Reopening resume batch {} of execution [{}]: its opener stopped before opening it",
                    batch.batchNumber(), batch.executionId());
            open(batch, now);
        }
    }

    private void open(ResumeBatch batch, Instant now) {
        batches.open(batch, now);
        waits.markInboxed(batch.executionId(), batch.batchNumber());
        log.debug("Execution [{}]: users waiting at [{}] go on in batch {}", batch.executionId(),
                batch.componentId(), batch.batchNumber());
    }

    private void cleanUp(Instant now) {
        if (lastCleanUp.plus(Duration.ofMinutes(10)).isBefore(now)) {
            lastCleanUp = now;
            waits.forgetMovedBefore(now);
        }
    }

    private static ResumeBatch batchOf(Document wait, long batchNumber) {
        return new ResumeBatch(wait.getString("executionId"), wait.getString("campaignId"),
                wait.getString("workspaceId"), wait.getString("componentId"), batchNumber);
    }
}
