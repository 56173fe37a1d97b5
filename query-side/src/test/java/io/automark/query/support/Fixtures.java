package io.automark.query.support;

import io.automark.events.campaign.CampaignContent;
import io.automark.events.campaign.ComponentType;
import io.automark.events.campaign.FlowComponent;
import io.automark.events.campaign.FlowDefinition;
import io.automark.events.campaign.FlowEdge;
import io.automark.events.campaign.Schedule;
import io.automark.events.execution.ComponentOutcomes;
import io.automark.events.execution.UserOutcome;
import io.automark.events.execution.UserResult;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/** Ids, flows and outcomes that tests build their events from. */
public final class Fixtures {

    /** A moment with whole milliseconds, as MongoDB stores it. */
    public static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.HOURS);

    private Fixtures() {
    }

    public static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    public static String newWorkspace() {
        return "ws-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** audience -> split (A|B) -> mail (A), hook (B); listed out of order to prove ordering by edges. */
    public static FlowDefinition splitFlow() {
        return new FlowDefinition(
                List.of(new FlowComponent("mail", ComponentType.EMAIL, Map.of("subject", "Hi", "x.y", 1)),
                        new FlowComponent("audience", ComponentType.TARGET_AUDIENCE, Map.of("audienceId", "a-1")),
                        new FlowComponent("split", ComponentType.RANDOM_GROUPING, Map.of()),
                        new FlowComponent("hook", ComponentType.WEBHOOK, Map.of("url", "http://localhost/x"))),
                List.of(new FlowEdge("audience", "split", null),
                        new FlowEdge("split", "mail", "A"),
                        new FlowEdge("split", "hook", "B")));
    }

    /** audience -> pause (WAIT_UNTIL) -> mail: users wait at the pause and go on in a later, resumed batch. */
    public static FlowDefinition waitFlow() {
        return new FlowDefinition(
                List.of(new FlowComponent("audience", ComponentType.TARGET_AUDIENCE, Map.of("audienceId", "a-1")),
                        new FlowComponent("pause", ComponentType.WAIT_UNTIL, Map.of("duration", "P1D")),
                        new FlowComponent("mail", ComponentType.EMAIL, Map.of("subject", "Hi"))),
                List.of(new FlowEdge("audience", "pause", null),
                        new FlowEdge("pause", "mail", null)));
    }

    public static CampaignContent content(String name) {
        return new CampaignContent(name, "about " + name, null, List.of(), splitFlow(), Schedule.NONE);
    }

    public static CampaignContent content(String name, String groupId, List<String> subCampaigns) {
        return new CampaignContent(name, null, groupId, subCampaigns, splitFlow(), Schedule.NONE);
    }

    public static List<String> users(String prefix, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> String.format("%s%03d", prefix, i))
                .toList();
    }

    public static ComponentOutcomes outcomes(String componentId, ComponentType type, List<String> users,
                                             UserResult result, String branch) {
        List<UserOutcome> outcomes = users.stream()
                .map(user -> new UserOutcome(user, result, branch, result == UserResult.FAILED ? "bounced" : null))
                .toList();
        return new ComponentOutcomes(componentId, type, outcomes);
    }
}
