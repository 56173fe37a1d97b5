package io.automark.command.campaign;

import java.time.Duration;
import java.time.Instant;

/**
 * The deadlines a campaign sets for its schedule. Each payload names the time it was set for, so a deadline left over
 * from an earlier publish, stop or restart is recognised and ignored: deadlines are never cancelled, only outdated.
 */
public final class CampaignDeadlines {

    /** The start time of a campaign published before it. */
    public static final String START = "campaign-start";
    /** The end time of a campaign. */
    public static final String END = "campaign-end";
    /** The next run of a periodic campaign. */
    public static final String RUN = "campaign-run";
    /** How long a campaign whose start found no IN_PROGRESS place waits before it tries again. */
    public static final Duration START_RETRY = Duration.ofMinutes(1);

    private CampaignDeadlines() {
    }

    public record StartDue(Instant startAt) {
    }

    public record EndDue(Instant endAt) {
    }

    public record RunDue(Instant runAt) {
    }
}
