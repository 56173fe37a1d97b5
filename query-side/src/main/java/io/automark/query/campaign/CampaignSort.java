package io.automark.query.campaign;

import io.automark.query.web.InvalidQueryParameter;
import org.springframework.data.domain.Sort;

import java.util.List;

/** Parses the list's {@code sort} parameter: {@code name|createdAt|updatedAt|status}, then {@code ,asc|,desc}. */
final class CampaignSort {

    private static final List<String> FIELDS = List.of("name", "createdAt", "updatedAt", "status");

    private CampaignSort() {
    }

    /** Returns the order asked for, ties broken by id so pages never overlap. */
    static Sort parse(String text) {
        String[] parts = text.split(",", -1);
        String field = parts[0].strip();

        if (parts.length > 2 || !FIELDS.contains(field)) {
            throw new InvalidQueryParameter("sort", "must be one of " + FIELDS + ", then optionally ,asc or ,desc");
        }
        Sort.Direction direction = parts.length == 2 ? direction(parts[1].strip()) : Sort.Direction.ASC;
        return Sort.by(direction, field).and(Sort.by(Sort.Direction.ASC, "id"));
    }

    private static Sort.Direction direction(String text) {
        if (text.equalsIgnoreCase("asc")) {
            return Sort.Direction.ASC;
        }
        if (text.equalsIgnoreCase("desc")) {
            return Sort.Direction.DESC;
        }
        throw new InvalidQueryParameter("sort", "the direction must be asc or desc");
    }
}
