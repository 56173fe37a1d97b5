package io.automark.command.audience;

import io.automark.events.audience.AudienceImported;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An audience's history: that it was imported, by whom and how large it is. Its members live in the store. */
@Aggregate
public class Audience {

    @AggregateIdentifier
    private String audienceId;

    protected Audience() {
        // Axon rebuilds the audience from its events through this constructor.
    }

    @CommandHandler
    public Audience(RegisterAudience command) {
        apply(new AudienceImported(command.audienceId(), command.workspaceId(), command.name(), command.size(),
                command.origin(), command.now()));
    }

    @EventSourcingHandler
    void on(AudienceImported event) {
        audienceId = event.audienceId();
    }

    /** Registers an audience whose members are already in the store. */
    public record RegisterAudience(@TargetAggregateIdentifier String audienceId, String workspaceId, String name,
                                   long size, String origin, Instant now) {
    }
}
