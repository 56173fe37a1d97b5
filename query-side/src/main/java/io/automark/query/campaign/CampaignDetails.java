package io.automark.query.campaign;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.automark.events.campaign.FlowDefinition;

/** A campaign with the flow of its newest version; the campaign's fields sit at the top level. */
public record CampaignDetails(@JsonUnwrapped CampaignView campaign, FlowDefinition flow) {
}
