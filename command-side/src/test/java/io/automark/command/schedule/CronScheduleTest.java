package io.automark.command.schedule;

import io.automark.events.campaign.Schedule;
import io.automark.events.campaign.Schedule.Recurrence;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.support.CronExpression;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The daylight-saving rule of periodic campaigns, and what Spring's cron expression would do without it. */
class CronScheduleTest {

    private static final Recurrence BERLIN_HALF_PAST_TWO = new Recurrence("0 30 2 * * *", "Europe/Berlin");
    private static final Recurrence NEW_YORK_HALF_PAST_ONE = new Recurrence("0 30 1 * * *", "America/New_York");

    private static List<Instant> fires(Recurrence recurrence, Instant after, int count) {
        CronSchedule schedule = CronSchedule.of(recurrence);
        List<Instant> fires = new ArrayList<>();
        Instant fire = after;
        for (int i = 0; i < count; i++) {
            fire = schedule.nextAfter(fire);
            fires.add(fire);
        }
        return fires;
    }

    @Test
    void aLocalTimeThatDoesNotExistFiresOnceShiftedForwardByTheGap() {
        List<Instant> fires = fires(BERLIN_HALF_PAST_TWO, Instant.parse("2026-03-27T12:00:00Z"), 4);

        assertThat(fires).containsExactly(
                Instant.parse("2026-03-28T01:30:00Z"),
                Instant.parse("2026-03-29T01:30:00Z"),
                Instant.parse("2026-03-30T00:30:00Z"),
                Instant.parse("2026-03-31T00:30:00Z"));
    }

    @Test
    void aLocalTimeThatOccursTwiceFiresOnceAtItsFirstOccurrence() {
        List<Instant> fires = fires(NEW_YORK_HALF_PAST_ONE, Instant.parse("2026-10-31T12:00:00Z"), 2);

        assertThat(fires).containsExactly(
                Instant.parse("2026-11-01T05:30:00Z"),
                Instant.parse("2026-11-02T06:30:00Z"));
    }

    @Test
    void searchingFromInsideTheRepeatedHourDoesNotFireItAgain() {
        Instant secondOneOClock = Instant.parse("2026-11-01T06:00:00Z");

        assertThat(CronSchedule.of(NEW_YORK_HALF_PAST_ONE).nextAfter(secondOneOClock))
                .isEqualTo(Instant.parse("2026-11-02T06:30:00Z"));
    }

    @Test
    void searchingFromJustAfterTheGapStillFindsTheShiftedTime() {
        Instant threeOClockSummerTime = Instant.parse("2026-03-29T01:00:00Z");

        assertThat(CronSchedule.of(BERLIN_HALF_PAST_TWO).nextAfter(threeOClockSummerTime))
                .isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
    }

    @Test
    void everyQuarterHourSkipsNoInstantAndRepeatsNone() {
        Recurrence quarterHours = new Recurrence("0 */15 * * * *", "Europe/Berlin");

        List<Instant> fires = fires(quarterHours, Instant.parse("2026-03-29T00:40:00Z"), 4);

        assertThat(fires).containsExactly(
                Instant.parse("2026-03-29T00:45:00Z"),
                Instant.parse("2026-03-29T01:00:00Z"),
                Instant.parse("2026-03-29T01:15:00Z"),
                Instant.parse("2026-03-29T01:30:00Z"));
    }

    @Test
    void springAloneWouldSkipTheMissingTimeAndFireTheRepeatedOneTwice() {
        CronExpression berlin = CronExpression.parse(BERLIN_HALF_PAST_TWO.cron());
        CronExpression newYork = CronExpression.parse(NEW_YORK_HALF_PAST_ONE.cron());

        ZonedDateTime afterSaturday = berlin.next(ZonedDateTime.of(2026, 3, 28, 12, 0, 0, 0,
                ZoneId.of("Europe/Berlin")));
        ZonedDateTime first = newYork.next(ZonedDateTime.of(2026, 10, 31, 12, 0, 0, 0,
                ZoneId.of("America/New_York")));

        assertThat(afterSaturday.toInstant()).isEqualTo(Instant.parse("2026-03-30T00:30:00Z"));
        assertThat(newYork.next(first).toInstant()).isEqualTo(Instant.parse("2026-11-01T06:30:00Z"));
    }

    @Test
    void countsTheDueTimesMissedBetweenTwoInstants() {
        CronSchedule daily = CronSchedule.of(new Recurrence("0 0 9 * * *", "Europe/Berlin"));

        int missed = daily.countBetween(Instant.parse("2026-12-04T08:00:00Z"), Instant.parse("2026-12-07T10:00:00Z"),
                1000);

        assertThat(missed).isEqualTo(3);
    }

    @Test
    void listsAnInvalidExpressionAndAnUnknownZoneEachUnderItsField() {
        Schedule broken = new Schedule(null, null, new Recurrence("0 0 9 * *", "Europe/Nowhere"), null);

        assertThat(ScheduleRules.problemsOf(broken)).extracting(problem -> problem.field())
                .containsExactly("schedule.recurrence.cron", "schedule.recurrence.timeZone");
    }

    @Test
    void refusesAnExpressionThatNeverFires() {
        Schedule never = new Schedule(null, null, new Recurrence("0 0 9 30 2 *", "UTC"), null);

        assertThat(ScheduleRules.problemsOf(never)).extracting(problem -> problem.message())
                .containsExactly("never fires");
    }
}
