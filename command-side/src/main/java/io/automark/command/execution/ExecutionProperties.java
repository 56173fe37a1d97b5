package io.automark.command.execution;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How this instance runs executions ({@code automark.execution.*}).
 *
 * @param workers      workers that take execution jobs; 0 makes an instance that takes commands only. Default 2
 * @param pollInterval how often an idle worker looks for work. Default 500ms
 * @param lease        how long a worker holds a job without renewing it; a job whose holder died is taken over
 *                     when its lease runs out. Default 30s
 * @param batchWindow  batches of one job in flight at once, at least 1. Default 4
 */
@ConfigurationProperties("automark.execution")
public record ExecutionProperties(@DefaultValue("2") int workers,
                                  @DefaultValue("500ms") Duration pollInterval,
                                  @DefaultValue("30s") Duration lease,
                                  @DefaultValue("4") int batchWindow) {

    public ExecutionProperties {
        if (batchWindow < 1) {
            throw new IllegalArgumentException("automark.execution.batch-window must be at least 1");
        }
    }
}
