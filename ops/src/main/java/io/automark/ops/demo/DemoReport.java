package io.automark.ops.demo;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** Prints the short summary of a demo run: status counts, each component's figures, routes, checks, timings. */
final class DemoReport {

    private static final List<String> FIGURES = List.of("entered", "passed", "sent", "succeeded", "failed");

    private static final List<String> STATUSES = List.of("DRAFT", "NOT_STARTED", "IN_PROGRESS", "STOPPED",
            "FINISHED");

    private DemoReport() {
    }

    static void print(DemoResult result, Duration wallTime, PrintStream out) {
        out.println();
        out.printf("Workspace %s, campaign %s, execution %s: %s%n", result.workspace(), result.campaignId(),
                result.executionId(), result.execution().path("status").asText());
        out.println("Status counts: " + statusCounts(result.statusCounts()));

        out.println("Components:");
        for (JsonNode component : result.execution().path("components")) {
            out.println("  " + component(component));
        }

        out.println("Routes:");
        for (Map.Entry<String, JsonNode> route : result.routes().entrySet()) {
            out.printf("  user %s: %s%n", route.getKey(), Routes.describe(route.getValue()));
        }

        checks(result, out);
        timings(result, wallTime, out);
    }

    private static String statusCounts(JsonNode counts) {
        StringBuilder line = new StringBuilder("total " + counts.path("total").asLong());
        for (String status : STATUSES) {
            line.append(", ").append(status).append(' ').append(counts.path(status).asLong());
        }
        return line.toString();
    }

    private static String component(JsonNode component) {
        StringBuilder line = new StringBuilder(String.format("%-9s %-16s", component.path("componentId").asText(),
                component.path("type").asText()));
        for (String figure : FIGURES) {
            if (component.path(figure).isNumber()) {
                line.append(String.format(" %s %,d", figure, component.path(figure).asLong()));
            }
        }

        JsonNode branches = component.path("branches");
        if (branches.isObject() && !branches.isEmpty()) {
            line.append("  branches");
            branches.fields().forEachRemaining(branch -> line.append(String.format(" %s=%,d", branch.getKey(),
                    branch.getValue().asLong())));
        }
        return line.toString();
    }

    private static void checks(DemoResult result, PrintStream out) {
        List<FigureCheck> failures = result.failures();
        if (failures.isEmpty()) {
            out.printf("Checks: all %d figures are right%n", result.checks().size());
            return;
        }

        out.printf("Checks: %d of %d figures are WRONG%n", failures.size(), result.checks().size());
        failures.forEach(failure -> out.println("  " + failure));
    }

    private static void timings(DemoResult result, Duration wallTime, PrintStream out) {
        String heap = result.peakHeapBytes() < 0 ? "unknown"
                : String.format("%,d MiB", result.peakHeapBytes() / (1024 * 1024));

        out.printf("Wall time %.1f s (import %.1f s, publish to end %.1f s, execution's own start to end %s); "
                        + "%,.0f users/s through the flow; stack peak heap %s%n", seconds(wallTime),
                seconds(result.importTime()), seconds(result.flowTime()), executionTime(result.execution()),
                result.usersPerSecond(), heap);
    }

    private static String executionTime(JsonNode execution) {
        try {
            Instant started = Instant.parse(execution.path("startedAt").asText());
            Instant ended = Instant.parse(execution.path("endedAt").asText());
            return String.format("%.1f s", seconds(Duration.between(started, ended)));
        } catch (DateTimeParseException e) {
            return "unknown";
        }
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
