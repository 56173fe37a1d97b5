package io.automark.ops.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/** The channels benchmark's campaigns: the audience enters and every user goes to one channel component. */
final class ChannelFlow {

    static final String ENTRY = "in";

    static final String CHANNEL = "send";

    private ChannelFlow() {
    }

    static ObjectNode webhook(ObjectMapper json, String name, String audienceId, String url) {
        ObjectNode campaign = campaign(json, name, audienceId, "WEBHOOK");
        config(campaign).put("url", url).put("timeoutMs", 5000);
        return campaign;
    }

    static ObjectNode kafka(ObjectMapper json, String name, String audienceId, String topic) {
        ObjectNode campaign = campaign(json, name, audienceId, "KAFKA");
        config(campaign).put("topic", topic);
        return campaign;
    }

    /** What is wrong with a completed execution's figures; empty when every user was sent to with success. */
    static List<String> problems(JsonNode execution, long users) {
        JsonNode channel = EngineFlow.component(execution, CHANNEL);
        List<String> problems = new ArrayList<>();

        for (String figure : List.of("entered", "sent", "succeeded")) {
            long value = channel.path(figure).asLong(0);
            if (value != users) {
                problems.add(String.format("%s is %,d, not %,d", figure, value, users));
            }
        }
        if (channel.path("failed").asLong(0) != 0) {
            problems.add(String.format("failed is %,d, not 0", channel.path("failed").asLong()));
        }
        return problems;
    }

    private static ObjectNode campaign(ObjectMapper json, String name, String audienceId, String type) {
        ObjectNode campaign = json.createObjectNode()
                .put("name", name)
                .put("description", "channels benchmark: every user through " + type);
        ObjectNode flow = campaign.putObject("flow");

        flow.putArray("components")
                .add(json.createObjectNode().put("id", ENTRY).put("type", "TARGET_AUDIENCE").set("config",
                        json.createObjectNode().put("audienceId", audienceId)))
                .add(json.createObjectNode().put("id", CHANNEL).put("type", type).set("config",
                        json.createObjectNode()));
        flow.putArray("edges").addObject().put("from", ENTRY).put("to", CHANNEL);
        return campaign;
    }

    private static ObjectNode config(ObjectNode campaign) {
        return (ObjectNode) campaign.path("flow").path("components").path(1).path("config");
    }
}
