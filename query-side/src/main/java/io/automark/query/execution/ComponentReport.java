package io.automark.query.execution;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.automark.events.campaign.ComponentType;
import io.automark.events.execution.UserResult;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures of one component in one execution. Figures that do not apply to the component's type are absent:
 * channels show {@code sent}, {@code succeeded} and {@code failed}; an AB test shows its inflow ({@code entered})
 * and its groups ({@code branches}); every other type shows {@code passed}. Every type shows {@code entered}. The
 * types where a stop of the execution leaves users (channels, WAIT_UNTIL, RESULT_JUDGMENT) show {@code stopped}.
 *
 * @param sent         sends actually attempted: SUCCESS and FAILED
 * @param failed       FAILED and SKIPPED: the users the channel did not reach
 * @param winningGroup the AB test's winning group, set when its window closes (rule: README); absent before
 * @param goalAchieved the AB test's users who reached its goal, over all groups
 * @param branches     users per branch they left by (a judgment's yes/no, a grouping's or an AB test's groups);
 *                     absent when the component does not branch
 * @param waiting      users still waiting at a WAIT_UNTIL or a RESULT_JUDGMENT (whose window is open); they count
 *                     in {@code entered} but not yet in {@code passed}
 * @param stopped      users a stop of the execution ended STOPPED here: a channel's users not sent to when the stop
 *                     came, the users waiting at a WAIT_UNTIL or a RESULT_JUDGMENT; they count in {@code entered}
 *                     and in no other figure
 * @param goals        an AB test's goal achievements per group; its inflow per group is in {@code branches}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ComponentReport(String componentId, ComponentType type, Long entered, Long passed, Long sent,
                              Long succeeded, Long failed, String winningGroup, Long goalAchieved,
                              Map<String, Long> branches, Long waiting, Long stopped, Map<String, Long> goals) {

    static ComponentReport of(ExecutionComponent component, ComponentCounts counts) {
        ComponentCounts figures = counts == null ? new ComponentCounts(0, null, null) : counts;
        ComponentType type = component.type();
        Map<String, Long> branches = decoded(figures.branches());

        if (type != null && type.isChannel()) {
            long success = result(figures, UserResult.SUCCESS);
            long failed = result(figures, UserResult.FAILED);
            return new ComponentReport(component.componentId(), type, figures.entered(), null, success + failed,
                    success, failed + result(figures, UserResult.SKIPPED), null, null, branches, null,
                    result(figures, UserResult.STOPPED), null);
        }
        if (type == ComponentType.AB_TEST) {
            Map<String, Long> goals = decoded(figures.goals());
            long achieved = goals == null ? 0 : goals.values().stream().mapToLong(Long::longValue).sum();
            return new ComponentReport(component.componentId(), type, figures.entered(), null, null, null, null,
                    figures.winningGroup(), achieved, branches, null, null, goals == null ? Map.of() : goals);
        }
        boolean holdsUsers = type == ComponentType.WAIT_UNTIL || type == ComponentType.RESULT_JUDGMENT;
        Long waiting = holdsUsers ? result(figures, UserResult.WAITING) : null;
        Long stopped = holdsUsers ? result(figures, UserResult.STOPPED) : null;
        return new ComponentReport(component.componentId(), type, figures.entered(),
                result(figures, UserResult.PASSED), null, null, null, null, null, branches, waiting, stopped, null);
    }

    private static long result(ComponentCounts figures, UserResult result) {
        return figures.results() == null ? 0 : figures.results().getOrDefault(result.name(), 0L);
    }

    private static Map<String, Long> decoded(Map<String, Long> encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return null;
        }
        Map<String, Long> decoded = new LinkedHashMap<>();
        encoded.forEach((key, count) -> decoded.put(FieldKey.decode(key), count));
        return decoded;
    }
}
