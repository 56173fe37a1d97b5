package io.automark.query.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.automark.events.campaign.FlowDefinition;
import org.springframework.stereotype.Component;

/** Turns a flow into the JSON text a version stores, and back. */
@Component
public class FlowJson {

    private final ObjectMapper json;

    public FlowJson(ObjectMapper json) {
        this.json = json;
    }

    public String write(FlowDefinition flow) {
        try {
            return json.writeValueAsString(flow);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A flow cannot be written as JSON", e);
        }
    }

    /** Reads a stored flow; an absent one reads as an empty flow. */
    public FlowDefinition read(String text) {
        if (text == null) {
            return new FlowDefinition(null, null);
        }
        try {
            return json.readValue(text, FlowDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored flow is not valid JSON", e);
        }
    }
}
