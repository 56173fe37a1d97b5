package io.automark.ops.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The demo's campaign: the audience enters, new customers ({@code newbie = 1}) are split 50/50 between an e-mail
 * (group A) and a webhook call (group B), and everyone else goes straight to that webhook.
 */
final class DemoCampaign {

    static final String AUDIENCE = "audience";

    static final String JUDGMENT = "newbie";

    static final String GROUPING = "split";

    static final String EMAIL = "mail";

    static final String WEBHOOK = "hook";

    static final String YES = "yes";

    static final String NO = "no";

    static final String GROUP_A = "A";

    static final String GROUP_B = "B";

    private DemoCampaign() {
    }

    static ObjectNode body(ObjectMapper json, String name, String audienceId, String webhookUrl) {
        ObjectNode campaign = json.createObjectNode()
                .put("name", name)
                .put("description", "Hillstrom customers: new ones split between e-mail and webhook");
        ObjectNode flow = campaign.putObject("flow");

        components(flow.putArray("components"), audienceId, webhookUrl);
        edges(flow.putArray("edges"));
        return campaign;
    }

    private static void components(ArrayNode components, String audienceId, String webhookUrl) {
        component(components, AUDIENCE, "TARGET_AUDIENCE").put("audienceId", audienceId);

        ObjectNode judgment = component(components, JUDGMENT, "TAG_JUDGMENT").put("match", "ALL");
        judgment.putArray("conditions").addObject()
                .put("attribute", "newbie")
                .put("operator", "EQ")
                .put("value", "1");

        ArrayNode groups = component(components, GROUPING, "RANDOM_GROUPING").putArray("groups");
        groups.addObject().put("name", GROUP_A).put("percent", 50);
        groups.addObject().put("name", GROUP_B).put("percent", 50);

        component(components, EMAIL, "EMAIL")
                .put("subject", "Welcome to our spring collection")
                .put("template", "Hello, new customer: here is what is new this season.")
                .put("addressAttribute", "email");

        component(components, WEBHOOK, "WEBHOOK")
                .put("url", webhookUrl)
                .put("timeoutMs", 5000);
    }

    private static ObjectNode component(ArrayNode components, String id, String type) {
        return components.addObject()
                .put("id", id)
                .put("type", type)
                .putObject("config");
    }

    private static void edges(ArrayNode edges) {
        edge(edges, AUDIENCE, JUDGMENT, null);
        edge(edges, JUDGMENT, GROUPING, YES);
        edge(edges, JUDGMENT, WEBHOOK, NO);
        edge(edges, GROUPING, EMAIL, GROUP_A);
        edge(edges, GROUPING, WEBHOOK, GROUP_B);
    }

    private static void edge(ArrayNode edges, String from, String to, String branch) {
        ObjectNode edge = edges.addObject().put("from", from).put("to", to);
        if (branch != null) {
            edge.put("branch", branch);
        }
    }
}
