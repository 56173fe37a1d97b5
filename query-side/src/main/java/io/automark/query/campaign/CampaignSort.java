package io.automark.query.campaign;

import io.automark.events.campaign.CampaignStatus;
import io.automark.query.web.InvalidQueryParameter;
import org.springframework.data.domain.Sort;

import java.util.List;
import java.util.Map;

/**
 * Parses the list's {@code sort} parameter: {@code name|createdAt|updatedAt|status} ({@code created} and
 * {@code updated} also do), then {@code ,asc|,desc}. Names sort ignoring case and statuses in the order of the
 * lifecycle, through fields the projection keeps for that purpose.
 */
final class CampaignSort {

    /** The order in which {@code sort=status} lists the statuses. */
    static final List<CampaignStatus> LIFECYCLE = List.of(CampaignStatus.DRAFT, CampaignStatus.NOT_STARTED,
            CampaignStatus.IN_PROGRESS, CampaignStatus.STOPPED, CampaignStatus.FINISHED);

    private static final Map<String, String> STORED_FIELDS = Map.of(
            "name", "sortName",
            "createdAt", "createdAt",
            "created", "createdAt",
            "updatedAt", "updatedAt",
            "updated", "updatedAt",
            "status", "statusOrder");

    private static final String ACCEPTED =
            "must be name, createdAt, updatedAt or status, then optionally ,asc or ,desc";

    private CampaignSort() {
    }

    /** Returns the order asked for, ties broken by id so pages never overlap. */
    static Sort parse(String text) {
        String[] parts = text.split(",", -1);
        String field = STORED_FIELDS.get(parts[0].strip());

        if (parts.length > 2 || field == null) {
            throw new InvalidQueryParameter("sort", ACCEPTED);
        }
        Sort.Direction direction = parts.length == 2 ? direction(parts[1].strip()) : Sort.Direction.ASC;
        return Sort.by(direction, field).and(Sort.by(Sort.Direction.ASC, "id"));
    }

    /** Where a status stands in {@link #LIFECYCLE}. */
    static int orderOf(CampaignStatus status) {
        return LIFECYCLE.indexOf(status);
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
