package io.automark.query.execution;

import java.util.Map;

/**
 * The raw counters of one component in one execution; the figures shown are derived from them when read. Every
 * map may be null while nothing was counted.
 *
 * @param entered  users with any outcome at the component
 * @param results  users per {@link io.automark.events.execution.UserResult} name
 * @param branches users per branch they left by, keyed by {@link FieldKey}
 * @param goals    an AB test's users who reached its goal, per group keyed by {@link FieldKey}
 * @param winningGroup an AB test's winner, once its window closed
 */
public record ComponentCounts(long entered, Map<String, Long> results, Map<String, Long> branches,
                              Map<String, Long> goals, String winningGroup) {

    public ComponentCounts(long entered, Map<String, Long> results, Map<String, Long> branches) {
        this(entered, results, branches, null, null);
    }
}
