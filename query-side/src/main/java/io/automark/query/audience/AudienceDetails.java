package io.automark.query.audience;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An audience as the API shows it.
 *
 * @param origin            how it came to be, as the command side wrote it: {@code CSV_UPLOAD}, {@code JSON_UPLOAD},
 *                          {@code GENERATED:<executionId>/<componentId>} or {@code EXPORT:<executionId>/<componentId>}
 * @param sourceExecutionId the execution that produced it; null unless the origin names one
 * @param sourceComponentId the component of that execution; null unless the origin names one
 */
public record AudienceDetails(String id, String workspaceId, String name, long size, String origin,
                              String sourceExecutionId, String sourceComponentId, Instant importedAt) {

    /** Execution ids hold no slash, so the first one ends the execution id; component ids may hold any. */
    private static final Pattern FROM_EXECUTION = Pattern.compile("(?:GENERATED|EXPORT):([^/]+)/(.+)");

    static AudienceDetails of(AudienceView view) {
        Matcher source = FROM_EXECUTION.matcher(view.origin() == null ? "" : view.origin());
        boolean fromExecution = source.matches();

        return new AudienceDetails(view.id(), view.workspaceId(), view.name(), view.size(), view.origin(),
                fromExecution ? source.group(1) : null, fromExecution ? source.group(2) : null, view.importedAt());
    }
}
