package io.automark.command.campaign;

import io.automark.events.campaign.CampaignDeleted;
import io.automark.events.campaign.CampaignFinished;
import io.automark.events.campaign.CampaignStopped;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * Frees IN_PROGRESS places from the event stream as well. The campaign frees its place right after its stop or
 * finish is stored; this catches the case where the process died in between. Freeing twice is harmless.
 */
@Component
@ProcessingGroup("command-in-progress-places")
class PlaceKeeper {

    private final InProgressSlots slots;

    PlaceKeeper(InProgressSlots slots) {
        this.slots = slots;
    }

    @EventHandler
    void on(CampaignStopped event, @SequenceNumber long sequence) {
        slots.release(event.workspaceId(), event.campaignId(), sequence);
    }

    @EventHandler
    void on(CampaignFinished event, @SequenceNumber long sequence) {
        slots.release(event.workspaceId(), event.campaignId(), sequence);
    }

    @EventHandler
    void on(CampaignDeleted event, @SequenceNumber long sequence) {
        slots.release(event.workspaceId(), event.campaignId(), sequence);
    }
}
