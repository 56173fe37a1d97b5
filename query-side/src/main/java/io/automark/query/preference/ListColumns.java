package io.automark.query.preference;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/**
 * The columns a user shows in the campaign list, as read and written over HTTP.
 *
 * @param columns   field names such as {@code name} or {@code updatedAt}, in display order, each at most once; empty
 *                  when the user never chose (the client then shows its defaults)
 * @param updatedAt when the choice was saved; absent when it never was. Ignored when written
 */
public record ListColumns(
        @NotNull @Size(min = 1, max = ListColumns.MAX_COLUMNS)
        List<@NotNull @Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "must be 1 to 64 letters, digits or . _ -")
                String> columns,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY) Instant updatedAt) {

    static final int MAX_COLUMNS = 50;

    static ListColumns of(ColumnPreferences saved) {
        return saved == null ? new ListColumns(List.of(), null) : new ListColumns(saved.columns(), saved.updatedAt());
    }
}
