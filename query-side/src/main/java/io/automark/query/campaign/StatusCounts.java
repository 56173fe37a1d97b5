package io.automark.query.campaign;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.automark.events.campaign.CampaignStatus;

import java.util.Map;

/** How many campaigns are in each status, and in all. */
public record StatusCounts(long total,
                           @JsonProperty("DRAFT") long draft,
                           @JsonProperty("NOT_STARTED") long notStarted,
                           @JsonProperty("IN_PROGRESS") long inProgress,
                           @JsonProperty("STOPPED") long stopped,
                           @JsonProperty("FINISHED") long finished) {

    static StatusCounts of(Map<CampaignStatus, Long> counts) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();

        return new StatusCounts(total,
                counts.getOrDefault(CampaignStatus.DRAFT, 0L),
                counts.getOrDefault(CampaignStatus.NOT_STARTED, 0L),
                counts.getOrDefault(CampaignStatus.IN_PROGRESS, 0L),
                counts.getOrDefault(CampaignStatus.STOPPED, 0L),
                counts.getOrDefault(CampaignStatus.FINISHED, 0L));
    }
}
