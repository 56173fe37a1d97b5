package io.automark.query.campaign.history;

import java.time.Instant;

/**
 * One stored event of a campaign, as an auditor reads it.
 *
 * @param type          the event's name, such as {@code CampaignPublished}
 * @param sequence      its 0-based position in the campaign's history; the campaign's version after it is one more
 * @param actor         who caused it; null when the command carried no actor
 * @param correlationId the message that started the chain of work it belongs to
 * @param payload       the event as stored
 */
public record HistoryEntry(String type, long sequence, Instant time, String actor, String correlationId,
                           String traceId, String eventId, Object payload) {
}
