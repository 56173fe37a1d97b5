package io.automark.command.execution;

import io.automark.command.execution.BatchRouter.GivenUp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * The attempt rule of batches kept in a document of their own (users whose wait ended, users let in by events): a
 * batch that throws has its failed attempt counted by its holder and is handed back for the back-off of
 * {@code automark.execution.batch-retry-delay}; its last attempt ({@code automark.execution.max-batch-attempts})
 * gives up what throws instead. Audience batches follow the same rule through their job ({@link ExecutionRunner}).
 */
final class BatchRetries {

    private static final Logger log = LoggerFactory.getLogger(BatchRetries.class);

    private final Clock clock;
    private final ExecutionProperties settings;

    BatchRetries(Clock clock, ExecutionProperties settings) {
        this.clock = clock;
        this.settings = settings;
    }

    /** Whether an attempt after {@code failedAttempts} failed ones is the last, which gives up what throws. */
    boolean isLast(int failedAttempts) {
        return failedAttempts >= settings.maxBatchAttempts() - 1;
    }

    /**
     * Counts the failed attempt and hands the batch back until the back-off ends.
     *
     * @param batch      names the batch in the log, e.g. "resume batch 7 of execution [e]"
     * @param countUntil counts the attempt in the batch's document and hands it back until the given time; empty
     *                   when this instance no longer holds the batch
     */
    void retryLater(String batch, String campaignId, int failedAttempts, Function<Instant, OptionalInt> countUntil,
                    RuntimeException thrown) {
        int attempt = failedAttempts + 1;
        Duration delay = settings.retryDelayAfter(attempt);
        if (countUntil.apply(clock.instant().plus(delay)).isEmpty()) {
            log.info("The {} was taken over while it ran", batch);
            return;
        }
        log.warn("Attempt {} of the {} (campaign [{}]) failed (given up after {}); it runs again in {}: {}", attempt,
                batch, campaignId, settings.maxBatchAttempts(), delay, BatchFailure.describe(thrown));
    }

    /** Tells an operator once, with what the first component given up threw, that a batch's last attempt gave up. */
    void reportGivenUp(String batch, String campaignId, int failedAttempts, List<GivenUp> givenUp) {
        GivenUp first = givenUp.get(0);
        log.error("The {} (campaign [{}]) was given up after {} attempts; its users at [{}] ({} users) are recorded "
                + "FAILED and the run goes on", batch, campaignId, failedAttempts + 1, first.componentId(),
                first.users(), first.thrown());
    }
}
