package io.automark.query.audience.operation;

import io.automark.events.execution.UserResult;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * One request to save the users a component of an execution handled with some results as an audience, kept by
 * {@link AudienceOperationProjection}. The outcome of an operation may be handled before its request; until the
 * request is, {@code name}, {@code results} and {@code requestedAt} are null.
 *
 * @param id          the operation id the command side answered with
 * @param results     the results whose users are saved, in the order of {@link UserResult}
 * @param audienceId  the audience saved; null unless the operation completed
 * @param size        how many users the audience holds; null unless the operation completed
 * @param reason      why the operation failed; null unless it failed
 * @param endedAt     when it completed or failed; null while pending
 * @param version     the operation aggregate's version (last sequence number plus one), for {@code minVersion}
 */
@Document(AudienceOperationView.COLLECTION)
public record AudienceOperationView(@Id String id, String workspaceId, String executionId, String componentId,
                                    String name, List<UserResult> results, AudienceOperationStatus status,
                                    String audienceId, Long size, String reason, Instant requestedAt,
                                    Instant endedAt, long version) {

    public static final String COLLECTION = "view_audience_operations";
}
