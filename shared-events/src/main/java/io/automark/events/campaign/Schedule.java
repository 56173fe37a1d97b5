package io.automark.events.campaign;

import java.time.Instant;

/**
 * When a campaign runs. Every field may be null.
 *
 * @param startAt    the first moment users may enter; null means at publish
 * @param endAt      after this no user enters; null means no end
 * @param recurrence a cron expression with its time zone for periodic campaigns; null for one run
 * @param maxRuns    how many runs a periodic campaign makes at most; null means no bound
 */
public record Schedule(Instant startAt, Instant endAt, Recurrence recurrence, Integer maxRuns) {

    public static final Schedule NONE = new Schedule(null, null, null, null);

    /**
     * A periodic run rule.
     *
     * @param cron     a Spring-style six-field cron expression
     * @param timeZone an IANA zone id such as {@code Europe/Berlin}
     */
    public record Recurrence(String cron, String timeZone) {
    }
}
