package io.automark.command.channel;

import io.automark.command.audience.AudienceMember;
import io.automark.command.component.BatchContext;
import io.automark.events.campaign.FlowComponent;

import java.util.List;

/** The recipients of one component in one batch of an execution. */
public record SendBatch(BatchContext context, FlowComponent component, List<AudienceMember> recipients) {

    public String idempotencyKey(AudienceMember recipient) {
        return context.idempotencyKey(component, recipient.userId());
    }
}
