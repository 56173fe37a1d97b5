package io.automark.ops.demo;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What one run of the demo found.
 *
 * @param execution     the execution document of {@code GET …/executions/{id}} once the execution ended
 * @param statusCounts  the workspace's campaign status counts at the end
 * @param routes        three users' routes, by user id
 * @param importTime    from the start of the upload to its answer
 * @param flowTime      from the publish to the end of the execution as the query side reports it
 * @param peakHeapBytes the highest heap in use the stack reported during the run; -1 when it reported none
 */
public record DemoResult(String workspace, String audienceId, String campaignId, String executionId, int users,
                         JsonNode execution, JsonNode statusCounts, Map<String, JsonNode> routes,
                         List<FigureCheck> checks, Duration importTime, Duration flowTime, long peakHeapBytes) {

    public boolean passed() {
        return checks.stream().allMatch(FigureCheck::passed);
    }

    public List<FigureCheck> failures() {
        return checks.stream().filter(check -> !check.passed()).toList();
    }

    /** Users through the flow per second, publish to end. */
    public double usersPerSecond() {
        return users / Math.max(flowTime.toMillis() / 1000.0, 0.001);
    }
}
