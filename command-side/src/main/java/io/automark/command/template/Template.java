package io.automark.command.template;

import io.automark.command.campaign.CampaignFactory;
import io.automark.command.common.NotFoundException;
import io.automark.command.flow.FlowValidator;
import io.automark.events.campaign.CampaignContent;
import io.automark.events.campaign.FlowDefinition;
import io.automark.events.campaign.Schedule;
import io.automark.events.template.TemplateSaved;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A saved, named flow that campaigns can be created from. */
@Aggregate
public class Template {

    @AggregateIdentifier
    private String templateId;
    private String workspaceId;
    private FlowDefinition flow;

    protected Template() {
        // Axon rebuilds the template from its events through this constructor.
    }

    /** Saves the template; on an empty aggregate, so that Axon's repository does not log a refused flow. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public void handle(SaveTemplate command) {
        FlowValidator.check(command.flow());

        apply(new TemplateSaved(command.templateId(), command.workspaceId(), command.name(), command.flow(),
                command.now()));
    }

    @CommandHandler
    public String handle(CreateCampaignFromTemplate command) {
        if (!workspaceId.equals(command.workspaceId())) {
            throw new NotFoundException("template", templateId);
        }

        CampaignContent content = new CampaignContent(command.name(), null, command.groupId(), List.of(), flow,
                Schedule.NONE);
        CampaignFactory.createFromTemplate(command.campaignId(), workspaceId, content, templateId, command.now());
        return command.campaignId();
    }

    @EventSourcingHandler
    void on(TemplateSaved event) {
        templateId = event.templateId();
        workspaceId = event.workspaceId();
        flow = event.flow();
    }

    public record SaveTemplate(@TargetAggregateIdentifier String templateId, String workspaceId, String name,
                               FlowDefinition flow, Instant now) {
    }

    public record CreateCampaignFromTemplate(@TargetAggregateIdentifier String templateId, String workspaceId,
                                             String campaignId, String name, String groupId, Instant now) {
    }
}
