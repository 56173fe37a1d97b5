package io.automark.query.campaign.history;

import io.automark.query.campaign.CampaignNotFound;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Service;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

/** Reads a campaign's history straight from the event store, so it is complete even while read models lag. */
@Service
public class CampaignHistory {

    private final EventStore events;

    public CampaignHistory(EventStore events) {
        this.events = events;
    }

    /**
     * The campaign's events, oldest first.
     *
     * @throws CampaignNotFound when the store holds no event of this campaign in this workspace
     */
    public List<HistoryEntry> of(String workspaceId, String campaignId) {
        // From sequence 0 rather than readEvents(id), which would begin at a snapshot and hide older events.
        List<? extends DomainEventMessage<?>> stored = events.readEvents(campaignId, 0L)
                .asStream()
                .toList();

        if (stored.isEmpty() || !workspaceId.equals(workspaceOf(stored.get(0).getPayload()))) {
            throw new CampaignNotFound(workspaceId, campaignId);
        }
        return stored.stream()
                .map(CampaignHistory::entry)
                .toList();
    }

    private static HistoryEntry entry(DomainEventMessage<?> event) {
        MetaData metaData = event.getMetaData();

        return new HistoryEntry(event.getPayloadType().getSimpleName(), event.getSequenceNumber(),
                event.getTimestamp(), text(metaData.get("actor")), text(metaData.get("correlationId")),
                text(metaData.get("traceId")), event.getIdentifier(), event.getPayload());
    }

    private static String workspaceOf(Object payload) {
        RecordComponent[] components = payload.getClass().isRecord()
                ? payload.getClass().getRecordComponents()
                : new RecordComponent[0];

        return Arrays.stream(components)
                .filter(component -> component.getName().equals("workspaceId"))
                .map(component -> read(component, payload))
                .findFirst()
                .orElse(null);
    }

    private static String read(RecordComponent component, Object payload) {
        try {
            return text(component.getAccessor().invoke(payload));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read the workspace of " + payload.getClass().getName(), e);
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
