package io.automark.command.execution;

import java.util.List;
import java.util.Map;

/**
 * The rule that picks an AB test's winning group: the highest conversion, that is the share of a group's users who
 * reached the goal; on equal conversion, more goals; on a tie still (no goals anywhere, for one), the group listed
 * first in the configuration, which a marketer lists as the control.
 */
final class AbTestWinner {

    private AbTestWinner() {
    }

    static String of(List<String> groups, Map<String, Long> inflow, Map<String, Long> goals) {
        String winner = null;
        for (String group : groups) {
            if (winner == null || beats(group, winner, inflow, goals)) {
                winner = group;
            }
        }
        return winner;
    }

    private static boolean beats(String group, String best, Map<String, Long> inflow, Map<String, Long> goals) {
        long groupGoals = goals.getOrDefault(group, 0L);
        long bestGoals = goals.getOrDefault(best, 0L);
        // groupGoals / groupInflow against bestGoals / bestInflow, without dividing. A group without inflow has no
        // goals either, so it ties any group on conversion and the goal count decides.
        long left = groupGoals * inflow.getOrDefault(best, 0L);
        long right = bestGoals * inflow.getOrDefault(group, 0L);
        if (left != right) {
            return left > right;
        }
        return groupGoals > bestGoals;
    }
}
