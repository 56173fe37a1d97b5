package io.automark.command.support;

import io.automark.events.campaign.CampaignContent;
import io.automark.events.campaign.ComponentType;
import io.automark.events.campaign.FlowComponent;
import io.automark.events.campaign.FlowDefinition;
import io.automark.events.campaign.FlowEdge;
import io.automark.events.campaign.Schedule;

import java.util.List;
import java.util.Map;

/** Flows and campaign contents for tests. */
public final class Flows {

    private Flows() {
    }

    /** Audience, then a judgment on {@code newbie}: "yes" to a webhook, "no" to an e-mail. */
    public static FlowDefinition judgedFlow(String audienceId, String webhookUrl) {
        return new FlowDefinition(List.of(
                new FlowComponent("audience", ComponentType.TARGET_AUDIENCE, Map.of("audienceId", audienceId)),
                new FlowComponent("newbie", ComponentType.TAG_JUDGMENT, Map.of("conditions", List.of(
                        Map.of("attribute", "newbie", "operator", "EQ", "value", "1")))),
                new FlowComponent("hook", ComponentType.WEBHOOK, Map.of("url", webhookUrl)),
                new FlowComponent("mail", ComponentType.EMAIL, Map.of("subject", "Hello {{userId}}",
                        "template", "Spend {{history}}"))),
                List.of(new FlowEdge("audience", "newbie", null),
                        new FlowEdge("newbie", "hook", "yes"),
                        new FlowEdge("newbie", "mail", "no")));
    }

    public static CampaignContent content(String name, FlowDefinition flow, Schedule schedule) {
        return new CampaignContent(name, null, null, List.of(), flow, schedule);
    }

    public static CampaignContent content(String name) {
        return content(name, judgedFlow("a-1", "http://localhost:9/hook"), Schedule.NONE);
    }

    /** The JSON body of a campaign whose audience enters and goes to one webhook, as a client posts it. */
    public static Map<String, Object> hookCampaignBody(String name) {
        return Map.of("name", name, "flow", Map.of(
                "components", List.of(
                        Map.of("id", "in", "type", "TARGET_AUDIENCE", "config", Map.of("audienceId", "a-1")),
                        Map.of("id", "hook", "type", "WEBHOOK", "config", Map.of("url", "http://localhost:9/h"))),
                "edges", List.of(Map.of("from", "in", "to", "hook"))));
    }
}
