package io.automark.query.audience;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * An audience with its figures; the members stay in the command side's audience store.
 *
 * @param origin how it came to be, as {@link io.automark.events.audience.AudienceImported} says; kept as it is, and
 *               {@link AudienceDetails} reads the source execution out of it, so older documents show it too
 */
@Document(AudienceView.COLLECTION)
public record AudienceView(@Id String id, String workspaceId, String name, long size, String origin,
                           Instant importedAt) {

    public static final String COLLECTION = "view_audiences";
}
