package io.automark.command.execution;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How this instance runs executions ({@code automark.execution.*}).
 *
 * @param workers          workers that take execution jobs; 0 makes an instance that takes commands only. Default 2
 * @param pollInterval     how often an idle worker looks for work. Default 500ms
 * @param lease            how long a worker holds a job without renewing it; a job whose holder died is taken over
 *                         when its lease runs out. Default 30s
 * @param batchWindow      batches of one job in flight at once, at least 1. Default 4
 * @param maxBatchAttempts how many attempts a batch that throws gets: the last one records what throws as FAILED
 *                         where it broke, and the run goes on with the rest of its audience and ends ABNORMAL_END
 *                         (README, failed batches). At least 1; 1 gives up at the first throw. Default 3
 * @param batchRetryDelay  how long the job waits before a batch that threw runs again, doubled at each further
 *                         attempt up to the last (and at most ten times). Default 2s
 */
@ConfigurationProperties("automark.execution")
public record ExecutionProperties(@DefaultValue("2") int workers,
                                  @DefaultValue("500ms") Duration pollInterval,
                                  @DefaultValue("30s") Duration lease,
                                  @DefaultValue("4") int batchWindow,
                                  @DefaultValue("3") int maxBatchAttempts,
                                  @DefaultValue("2s") Duration batchRetryDelay) {

    public ExecutionProperties {
        if (batchWindow < 1) {
            throw new IllegalArgumentException("automark.execution.batch-window must be at least 1");
        }
        if (maxBatchAttempts < 1) {
            throw new IllegalArgumentException("automark.execution.max-batch-attempts must be at least 1");
        }
    }

    /**
     * How long a job waits after the {@code attempt}-th failed attempt of a batch: the retry delay, doubled for each
     * attempt after the first, up to the last attempt's (a batch whose last attempt could not even be recorded keeps
     * being tried at that pace).
     */
    Duration retryDelayAfter(int attempt) {
        int doublings = Math.min(Math.max(attempt, 1), maxBatchAttempts) - 1;
        return batchRetryDelay.multipliedBy(1L << Math.min(doublings, 10));
    }
}
