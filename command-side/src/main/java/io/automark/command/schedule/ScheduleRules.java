package io.automark.command.schedule;

import io.automark.command.common.Problem;
import io.automark.events.campaign.Schedule;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** What a campaign's schedule must hold at save and at publish. */
public final class ScheduleRules {

    private static final String CRON = "schedule.recurrence.cron";
    private static final String TIME_ZONE = "schedule.recurrence.timeZone";

    private ScheduleRules() {
    }

    /** Every problem of the schedule's own fields; an empty list when it is valid. */
    public static List<Problem> problemsOf(Schedule schedule) {
        List<Problem> problems = new ArrayList<>();
        if (schedule.maxRuns() != null && schedule.maxRuns() < 1) {
            problems.add(new Problem("schedule.maxRuns", "must be at least 1"));
        }
        if (schedule.startAt() != null && schedule.endAt() != null && !schedule.startAt().isBefore(schedule.endAt())) {
            problems.add(new Problem("schedule.endAt", "must come after the start time"));
        }
        Schedule.Recurrence recurrence = schedule.recurrence();
        if (recurrence == null) {
            return problems;
        }
        checkCron(recurrence.cron(), problems);
        checkZone(recurrence.timeZone(), problems);
        if (problems.isEmpty() && CronSchedule.of(recurrence).nextAfter(Instant.EPOCH) == null) {
            problems.add(new Problem(CRON, "never fires"));
        }
        return problems;
    }

    /**
     * The first run of a periodic schedule published at {@code now}: the first time its cron expression fires at or
     * after the later of its start time and now, or null when that is not before its end time.
     */
    public static Instant firstRun(Schedule schedule, Instant now) {
        Instant from = schedule.startAt() != null && schedule.startAt().isAfter(now) ? schedule.startAt() : now;
        Instant first = CronSchedule.of(schedule.recurrence()).firstAtOrAfter(from);
        return first == null || (schedule.endAt() != null && !first.isBefore(schedule.endAt())) ? null : first;
    }

    /** The problem of a periodic schedule whose window holds no run, for a publish at {@code now}; else null. */
    public static Problem emptyWindow(Schedule schedule, Instant now) {
        if (schedule.recurrence() == null || firstRun(schedule, now) != null) {
            return null;
        }
        return new Problem(CRON, "fires at no time between the start and the end time");
    }

    private static void checkCron(String cron, List<Problem> problems) {
        if (cron == null || cron.isBlank()) {
            problems.add(new Problem(CRON, "is required for a periodic campaign"));
            return;
        }
        try {
            CronSchedule.of(new Schedule.Recurrence(cron, "UTC"));
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(CRON, "is not a cron expression of six fields, second to weekday"));
        }
    }

    private static void checkZone(String zone, List<Problem> problems) {
        if (zone == null || zone.isBlank()) {
            problems.add(new Problem(TIME_ZONE, "is required for a periodic campaign"));
            return;
        }
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            problems.add(new Problem(TIME_ZONE, "is not a known time zone such as Europe/Berlin"));
        }
    }
}
