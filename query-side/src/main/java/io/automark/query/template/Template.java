package io.automark.query.template;

import io.automark.events.campaign.FlowDefinition;

import java.time.Instant;

/** A template as the API shows it: a named flow that campaigns can be created from. */
public record Template(String id, String name, FlowDefinition flow, Instant savedAt) {
}
