package io.automark.events.audience;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * An audience was stored in the audience store. The members stay there; this event holds only its figures.
 *
 * @param origin how the audience came to be, for example {@code CSV_UPLOAD} or {@code JSON_UPLOAD}
 */
@Revision("1")
public record AudienceImported(String audienceId, String workspaceId, String name, long size, String origin,
                               Instant importedAt) {
}
