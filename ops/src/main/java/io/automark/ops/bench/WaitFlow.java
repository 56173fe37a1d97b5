package io.automark.ops.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;

/** The waits benchmark's campaign: the audience enters and every user waits at a WAIT_UNTIL for a duration. */
final class WaitFlow {

    static final String ENTRY = "in";

    static final String WAIT = "wait";

    private WaitFlow() {
    }

    static ObjectNode body(ObjectMapper json, String name, String audienceId, Duration wait) {
        ObjectNode campaign = json.createObjectNode()
                .put("name", name)
                .put("description", "waits benchmark: every user of the audience waits");
        ObjectNode flow = campaign.putObject("flow");
        ArrayNode components = flow.putArray("components");

        component(components, ENTRY, "TARGET_AUDIENCE").put("audienceId", audienceId);
        component(components, WAIT, "WAIT_UNTIL").put("duration", wait.toString());
        flow.putArray("edges").addObject().put("from", ENTRY).put("to", WAIT);
        return campaign;
    }

    /** The users the execution shows waiting at the wait; 0 before its read model knows any. */
    static long waiting(JsonNode execution) {
        return EngineFlow.component(execution, WAIT).path("waiting").asLong();
    }

    /** Adds a component and answers its configuration. */
    private static ObjectNode component(ArrayNode components, String id, String type) {
        return components.addObject()
                .put("id", id)
                .put("type", type)
                .putObject("config");
    }
}
