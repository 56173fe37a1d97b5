package io.automark.command.audience;

import java.util.Map;
import java.util.Set;

/**
 * A user as the audience store holds it. Attributes may hold contact details (an e-mail address, for one); they
 * stay in the audience store and never enter an event.
 */
public record AudienceMember(String userId, Map<String, String> attributes, Set<String> tags) {

    public AudienceMember {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }
}
