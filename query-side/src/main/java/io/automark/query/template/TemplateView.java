package io.automark.query.template;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * A saved template, kept by {@link TemplateProjection}.
 *
 * @param flowJson the flow as JSON text, for the reason given on the campaign versions' read model
 */
@Document(TemplateView.COLLECTION)
public record TemplateView(@Id String id, String workspaceId, String name, String flowJson, Instant savedAt) {

    public static final String COLLECTION = "view_templates";
}
