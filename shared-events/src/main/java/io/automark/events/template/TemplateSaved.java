package io.automark.events.template;

import io.automark.events.campaign.FlowDefinition;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A named flow was saved as a template that new campaigns can start from. */
@Revision("1")
public record TemplateSaved(String templateId, String workspaceId, String name, FlowDefinition flow,
                            Instant savedAt) {
}
