package io.automark.command.behavior;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.automark.command.web.IsoInstantDeserializer;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.Map;

import static io.automark.command.web.ApiPaths.ID;
import static io.automark.command.web.ApiPaths.WORKSPACE_ID;

/**
 * The JSON value of a record on the behaviour-event topic: one event as the HTTP intake takes it, under the same
 * rules (among them, {@code occurredAt} an ISO-8601 instant in a string, checked by {@link BehaviorRecordReader}
 * against {@link OccurredAtRule}), plus the workspace it belongs to. The record's key is not read.
 */
public record BehaviorRecord(@NotNull @Pattern(regexp = WORKSPACE_ID) String workspaceId,
                             @NotBlank @Pattern(regexp = ID) String userId,
                             @NotBlank @Size(max = 100) String type,
                             @NotNull @JsonDeserialize(using = IsoInstantDeserializer.class) Instant occurredAt,
                             Map<String, Object> properties) {

    public BehaviorEvent event() {
        return new BehaviorEvent(userId, type, occurredAt, properties);
    }
}
