package io.automark.command.schedule;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How campaign schedules are kept and fired ({@code automark.schedule.*}). Schedules are Axon deadlines stored by
 * JobRunr in the command side's MongoDB database.
 *
 * @param pollInterval     how often the deadline store is read for due deadlines; a deadline fires up to this much
 *                         early or late, and JobRunr refuses less than 5 seconds. Default 5s
 * @param workers          how many deadlines fire at once in this instance. Default 2
 * @param collectionPrefix prefix of JobRunr's collections. Default {@code jobrunr_}
 * @param keepFiredFor     how long a fired deadline stays readable in the store. Default 7 days
 */
@ConfigurationProperties("automark.schedule")
public record ScheduleProperties(@DefaultValue("5s") Duration pollInterval,
                                 @DefaultValue("2") int workers,
                                 @DefaultValue("jobrunr_") String collectionPrefix,
                                 @DefaultValue("7d") Duration keepFiredFor) {
}
