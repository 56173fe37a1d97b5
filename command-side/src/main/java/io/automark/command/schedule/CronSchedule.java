package io.automark.command.schedule;

import io.automark.events.campaign.Schedule.Recurrence;
import org.springframework.scheduling.support.CronExpression;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;

/**
 * A periodic campaign's cron expression, read on the wall clock of its time zone.
 * <p>
 * Daylight saving: the expression matches local wall-clock times, and each matching local time fires exactly once.
 * A local time that does not exist (02:30 on a spring-forward day in Europe/Berlin) fires at the instant the clock
 * shows it shifted forward by the gap (03:30 summer time); a local time that occurs twice (01:30 on a fall-back day
 * in America/New_York) fires at its first occurrence only (01:30 daylight time). Spring's own
 * {@code CronExpression.next(ZonedDateTime)} would skip the first and fire the second twice, so local times are
 * resolved here instead.
 */
public final class CronSchedule {

    private final CronExpression cron;
    private final ZoneId zone;

    private CronSchedule(CronExpression cron, ZoneId zone) {
        this.cron = cron;
        this.zone = zone;
    }

    /**
     * @throws IllegalArgumentException when the cron expression is not a valid six-field expression
     * @throws java.time.DateTimeException when the zone is not a known time zone
     */
    public static CronSchedule of(Recurrence recurrence) {
        return new CronSchedule(CronExpression.parse(recurrence.cron()), ZoneId.of(recurrence.timeZone()));
    }

    /** The first time it fires strictly after {@code after}; null when it never fires again. */
    public Instant nextAfter(Instant after) {
        LocalDateTime local = searchStart(after);
        while (true) {
            local = cron.next(local);
            if (local == null) {
                return null;
            }
            Instant fire = ZonedDateTime.ofLocal(local, zone, null).toInstant();
            if (fire.isAfter(after)) {
                return fire;
            }
        }
    }

    /** The first time it fires at or after {@code from}; null when it never does. */
    public Instant firstAtOrAfter(Instant from) {
        return nextAfter(from.minusNanos(1));
    }

    /** How many times it fires in (after, until], counting up to {@code cap}. */
    public int countBetween(Instant after, Instant until, int cap) {
        int count = 0;
        Instant fire = nextAfter(after);
        while (fire != null && !fire.isAfter(until) && count < cap) {
            count++;
            fire = nextAfter(fire);
        }
        return count;
    }

    /**
     * The local time to search from. Right after a spring-forward gap, local times inside the gap resolve to instants
     * after {@code after} although they read earlier on the clock, so the search starts a gap's length earlier.
     */
    private LocalDateTime searchStart(Instant after) {
        LocalDateTime local = LocalDateTime.ofInstant(after, zone);
        ZoneOffsetTransition last = zone.getRules().previousTransition(after.plusNanos(1));
        if (last != null && last.isGap()) {
            LocalDateTime earlier = local.minus(last.getDuration());
            if (earlier.isBefore(last.getDateTimeAfter())) {
                return earlier;
            }
        }
        return local;
    }
}
