package io.automark.command.flow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.automark.events.campaign.FlowDefinition;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Flows and component configurations as JSON text, the way the command side's own stores keep them: as text,
 * because configuration keys may hold characters that MongoDB refuses in field names.
 */
@Component
public class StoredJson {

    private final ObjectMapper json;

    public StoredJson(ObjectMapper json) {
        this.json = json;
    }

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("flows and configurations always serialize", e);
        }
    }

    public FlowDefinition readFlow(String text) {
        try {
            return json.readValue(text, FlowDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored flow always reads back", e);
        }
    }

    public Map<String, Object> readConfig(String text) {
        try {
            return json.readValue(text, new TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored configuration always reads back", e);
        }
    }
}
