package io.automark.command.flow;

import io.automark.command.common.Problem;
import io.automark.events.campaign.ComponentType;
import io.automark.events.campaign.FlowComponent;
import io.automark.events.campaign.FlowDefinition;
import io.automark.events.campaign.FlowEdge;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.automark.command.support.Flows.judgedFlow;
import static org.assertj.core.api.Assertions.assertThat;

class FlowValidatorTest {

    private static FlowComponent audience(String id) {
        return new FlowComponent(id, ComponentType.TARGET_AUDIENCE, Map.of("audienceId", "a-1"));
    }

    private static FlowComponent hook(String id) {
        return new FlowComponent(id, ComponentType.WEBHOOK, Map.of("url", "http://localhost/hook"));
    }

    private static List<String> fields(FlowDefinition flow) {
        return FlowValidator.problemsOf(flow).stream().map(Problem::field).toList();
    }

    @Test
    void acceptsAValidFlow() {
        assertThat(FlowValidator.problemsOf(judgedFlow("a-1", "http://localhost/hook"))).isEmpty();
    }

    @Test
    void listsEveryProblemOfABadFlow() {
        FlowDefinition flow = new FlowDefinition(List.of(
                audience("in"),
                audience("second-entry"),
                new FlowComponent("mystery", null, Map.of()),
                new FlowComponent("hook", ComponentType.WEBHOOK, Map.of("url", "ftp://nowhere")),
                new FlowComponent("split", ComponentType.RANDOM_GROUPING, Map.of("groups", List.of(
                        Map.of("name", "A", "percent", 50), Map.of("name", "B", "percent", 20))))),
                List.of(new FlowEdge("in", "split", null),
                        new FlowEdge("split", "hook", "C"),
                        new FlowEdge("in", "ghost", null)));

        List<String> fields = fields(flow);

        assertThat(fields).contains("flow.components", "flow.components[2].type", "flow.components[3].config.url",
                "flow.components[4].config.groups", "flow.edges[1].branch", "flow.edges[2].to");
    }

    @Test
    void refusesACycle() {
        FlowDefinition flow = new FlowDefinition(List.of(audience("in"), hook("a"), hook("b")),
                List.of(new FlowEdge("in", "a", null), new FlowEdge("a", "b", null), new FlowEdge("b", "a", null)));

        assertThat(FlowValidator.problemsOf(flow)).extracting(Problem::message)
                .anyMatch(message -> message.contains("cycle"));
    }

    @Test
    void refusesAComponentThatCannotBeReached() {
        FlowDefinition flow = new FlowDefinition(List.of(audience("in"), hook("lonely")), List.of());

        assertThat(FlowValidator.problemsOf(flow)).extracting(Problem::message)
                .anyMatch(message -> message.contains("'lonely' cannot be reached"));
    }

    @Test
    void refusesAFlowWithoutEntry() {
        FlowDefinition flow = new FlowDefinition(List.of(hook("a")), List.of());

        assertThat(fields(flow)).contains("flow.components");
    }

    @Test
    void refusesAJudgmentWithoutConditionsAndABranchOnAComponentThatDoesNotBranch() {
        FlowDefinition flow = new FlowDefinition(List.of(audience("in"),
                new FlowComponent("judge", ComponentType.TAG_JUDGMENT, Map.of()), hook("a")),
                List.of(new FlowEdge("in", "judge", "yes"), new FlowEdge("judge", "a", "yes")));

        assertThat(fields(flow)).contains("flow.components[1].config.conditions", "flow.edges[0].branch");
    }

    @Test
    void requiresTheConfigurationOfEveryType() {
        for (ComponentType type : ComponentType.values()) {
            if (type.isEntry()) {
                continue;
            }
            FlowDefinition flow = new FlowDefinition(List.of(audience("in"), new FlowComponent("c", type,
                    Map.of())), List.of(new FlowEdge("in", "c", null)));

            assertThat(fields(flow)).as(type.name()).anyMatch(field -> field.startsWith("flow.components[1].config"));
        }
    }

    @Test
    void refusesAnEdgeWithoutBranchOutOfAJudgment() {
        FlowComponent judge = new FlowComponent("judge", ComponentType.TAG_JUDGMENT, Map.of("match", "ALL",
                "conditions", List.of(Map.of("attribute", "city", "operator", "EQ", "value", "Paris"))));
        FlowDefinition flow = new FlowDefinition(List.of(audience("in"), judge, hook("a")),
                List.of(new FlowEdge("in", "judge", null), new FlowEdge("judge", "a", null)));

        assertThat(FlowValidator.problemsOf(flow)).extracting(Problem::field).containsExactly("flow.edges[1].branch");
    }

    @Test
    void refusesWaitsAndWindowsTooLongToStoreOrNotPositive() {
        List<Map<String, Object>> configs = List.of(
                Map.of("duration", "P1000000000000D"),
                Map.of("duration", "-PT5M"),
                Map.of("until", "+1000000000-01-01T00:00:00Z"),
                Map.of("event", Map.of("eventType", "pay"), "timeout", "P1000000000000D"),
                Map.of("event", Map.of("eventType", "pay"), "timeout", "PT0S"));

        for (Map<String, Object> config : configs) {
            FlowDefinition flow = new FlowDefinition(List.of(audience("in"),
                    new FlowComponent("wait", ComponentType.WAIT_UNTIL, config), hook("a")),
                    List.of(new FlowEdge("in", "wait", null), new FlowEdge("wait", "a", config.containsKey("event")
                            ? "matched" : null)));

            assertThat(fields(flow)).as(config.toString()).singleElement().asString()
                    .startsWith("flow.components[1].config");
        }
    }

    @Test
    void refusesAnAbTestWindowTooLongToStore() {
        FlowComponent test = new FlowComponent("ab", ComponentType.AB_TEST, Map.of(
                "groups", List.of(Map.of("name", "A", "percent", 100)),
                "goal", Map.of("eventType", "buy", "windowHours", 1e300)));
        FlowDefinition flow = new FlowDefinition(List.of(audience("in"), test, hook("a")),
                List.of(new FlowEdge("in", "ab", null), new FlowEdge("ab", "a", "A")));

        assertThat(fields(flow)).containsExactly("flow.components[1].config.goal.windowHours");
    }

    @Test
    void refusesAWebhookUrlWithAPortOutOfRange() {
        FlowDefinition flow = new FlowDefinition(List.of(audience("in"),
                new FlowComponent("hook", ComponentType.WEBHOOK, Map.of("url", "http://127.0.0.1:99999/x"))),
                List.of(new FlowEdge("in", "hook", null)));

        assertThat(fields(flow)).containsExactly("flow.components[1].config.url");
    }

    @Test
    void refusesAResultJudgmentOfNoEarlierSend() {
        FlowComponent ghost = judgmentOf("ghost");
        FlowComponent later = judgmentOf("hook");
        FlowDefinition ofGhost = new FlowDefinition(List.of(audience("in"), ghost, hook("hook")),
                List.of(new FlowEdge("in", "judge", null), new FlowEdge("judge", "hook", "yes")));
        FlowDefinition ofLaterSend = new FlowDefinition(List.of(audience("in"), later, hook("hook")),
                List.of(new FlowEdge("in", "judge", null), new FlowEdge("judge", "hook", "yes")));
        FlowDefinition ofEarlierSend = new FlowDefinition(List.of(audience("in"), hook("hook"), judgmentOf("hook"),
                hook("again")), List.of(new FlowEdge("in", "hook", null), new FlowEdge("hook", "judge", null),
                new FlowEdge("judge", "again", "no")));

        assertThat(fields(ofGhost)).containsExactly("flow.components[1].config.componentId");
        assertThat(fields(ofLaterSend)).containsExactly("flow.components[1].config.componentId");
        assertThat(fields(ofEarlierSend)).isEmpty();
    }

    @Test
    void refusesJudgedResultsThatNoSendRecordsListingEachOfThem() {
        FlowDefinition flow = judgedSend(Map.of("componentId", "hook",
                "results", List.of("SUCCESS", "DELIVERED", "PASSED", 7, "success", "FAILED")));

        List<Problem> problems = FlowValidator.problemsOf(flow);

        assertThat(problems).extracting(Problem::field).containsExactly(
                "flow.components[2].config.results[1]", "flow.components[2].config.results[2]",
                "flow.components[2].config.results[3]", "flow.components[2].config.results[4]");
        assertThat(problems.get(0).message()).contains("'DELIVERED'", "only with a window");
        assertThat(problems.get(1).message()).contains("'PASSED' is no result of a send");
    }

    @Test
    void acceptsAReceiptsResultOnlyWithAWindow() {
        FlowDefinition windowed = judgedSend(Map.of("componentId", "hook", "window", "PT1H",
                "results", List.of("OPENED", "DELIVERED", "SKIPPED")));
        FlowDefinition withOurOutcome = judgedSend(Map.of("componentId", "hook", "window", "PT1H",
                "results", List.of("OPENED", "WAITING")));

        List<String> fieldsOfWindowed = fields(windowed);
        List<String> fieldsOfOurOutcome = fields(withOurOutcome);

        assertThat(fieldsOfWindowed).isEmpty();
        assertThat(fieldsOfOurOutcome).containsExactly("flow.components[2].config.results[1]");
    }

    @Test
    void refusesATagAfterABehaviourEntry() {
        FlowDefinition flow = new FlowDefinition(List.of(
                new FlowComponent("visit", ComponentType.BEHAVIOR_EVENT, Map.of("eventType", "visit")),
                new FlowComponent("tag", ComponentType.TAG, Map.of("tags", List.of("visitor")))),
                List.of(new FlowEdge("visit", "tag", null)));

        assertThat(fields(flow)).containsExactly("flow.components[1].type");
    }

    @Test
    void refusesAFieldAWaitDoesNotKnow() {
        List<Problem> problems = FlowValidator.problemsOf(afterAudience(ComponentType.WAIT_UNTIL,
                Map.of("duration", "PT5S", "bogus", 1)));

        assertThat(problems).extracting(Problem::field).containsExactly("flow.components[1].config.bogus");
        assertThat(problems.get(0).message()).contains("not a field of WAIT_UNTIL", "duration");
    }

    @Test
    void refusesAFieldAConditionDoesNotKnowAndChecksTheConditionsAroundANullOne() {
        Map<String, Object> city = new HashMap<>(Map.of("attribute", "city", "operator", "LIKE", "value", "P"));
        Map<String, Object> extra = Map.of("attribute", "score", "operator", "GTE", "value", "5", "unit", "pts");
        List<Object> conditions = new ArrayList<>(List.of(city, extra));
        conditions.add(null);

        List<Problem> problems = FlowValidator.problemsOf(afterAudience(ComponentType.TAG_JUDGMENT,
                Map.of("conditions", conditions)));

        assertThat(problems).extracting(Problem::field).contains("flow.components[1].config.conditions[0].operator",
                "flow.components[1].config.conditions[1].unit", "flow.components[1].config.conditions[2]");
    }

    @Test
    void refusesATimeoutOnAWaitForADuration() {
        List<Problem> problems = FlowValidator.problemsOf(afterAudience(ComponentType.WAIT_UNTIL,
                Map.of("duration", "PT5S", "timeout", "PT1H")));

        assertThat(problems).extracting(Problem::field).containsExactly("flow.components[1].config.timeout");
        assertThat(problems.get(0).message()).contains("only to a wait for an event");
    }

    @Test
    void refusesAFieldAResultJudgmentDoesNotKnow() {
        FlowDefinition flow = judgedSend(Map.of("componentId", "hook", "results", List.of("SUCCESS"), "foo", 1));

        assertThat(fields(flow)).containsExactly("flow.components[2].config.foo");
    }

    @Test
    void refusesAFieldATextSmsDoesNotKnow() {
        FlowDefinition flow = afterAudience(ComponentType.TEXT_SMS, Map.of("template", "Hi", "tmpl", "x"));

        assertThat(fields(flow)).containsExactly("flow.components[1].config.tmpl");
    }

    @Test
    void acceptsTheDocumentedFieldsOfAProviderSendWithValuesForItsBodyTemplate() {
        FlowDefinition flow = afterAudience(ComponentType.TEXT_SMS, Map.of("template", "Hi",
                "addressAttribute", "mobile", "params", Map.of("sender", Map.of("name", "Shop"))));

        assertThat(fields(flow)).isEmpty();
    }

    @Test
    void refusesOneProblemPerUnknownFieldOfEveryType() {
        for (ComponentType type : ComponentType.values()) {
            FlowDefinition flow = type.isEntry()
                    ? new FlowDefinition(List.of(new FlowComponent("c", type, Map.of("zz1", 1, "zz2", 2))),
                    List.of())
                    : afterAudience(type, Map.of("zz1", 1, "zz2", 2));
            String config = type.isEntry() ? "flow.components[0].config." : "flow.components[1].config.";

            assertThat(fields(flow)).as(type.name()).contains(config + "zz1", config + "zz2");
        }
    }

    @Test
    void refusesTagsThatAreNotNonBlankText() {
        FlowDefinition flow = afterAudience(ComponentType.TAG, Map.of("tags", Arrays.asList("", null, 5, "vip")));

        assertThat(fields(flow)).containsExactly("flow.components[1].config.tags[0]",
                "flow.components[1].config.tags[1]", "flow.components[1].config.tags[2]");
    }

    @Test
    void refusesAnEmailAddressAttributeThatIsNoText() {
        FlowDefinition flow = afterAudience(ComponentType.EMAIL, Map.of("subject", "Hi", "template", "Hello",
                "addressAttribute", 123));

        assertThat(fields(flow)).containsExactly("flow.components[1].config.addressAttribute");
    }

    @Test
    void refusesAKafkaTopicKafkaWouldNotAccept() {
        List<String> badTopic = fields(afterAudience(ComponentType.KAFKA, Map.of("topic", "bad topic!")));
        List<String> dots = fields(afterAudience(ComponentType.KAFKA, Map.of("topic", "..")));
        List<String> tooLong = fields(afterAudience(ComponentType.KAFKA, Map.of("topic", "t".repeat(250))));
        List<String> good = fields(afterAudience(ComponentType.KAFKA, Map.of("topic", "automark.sends_v-1")));

        assertThat(badTopic).containsExactly("flow.components[1].config.topic");
        assertThat(dots).containsExactly("flow.components[1].config.topic");
        assertThat(tooLong).containsExactly("flow.components[1].config.topic");
        assertThat(good).isEmpty();
    }

    @Test
    void refusesAReentryThatIsNotOnceNorAPositiveDuration() {
        for (Object reentry : List.of("-PT1H", "PT0S", "sometimes", 5)) {
            List<Problem> problems = FlowValidator.problemsOf(behaviourEntry(reentry));

            assertThat(problems).as(String.valueOf(reentry)).extracting(Problem::field)
                    .containsExactly("flow.components[0].config.reentry");
            assertThat(problems.get(0).message()).contains("ONCE or a positive ISO-8601 duration");
        }
    }

    @Test
    void acceptsAReentryOfOnceOrAPositiveDuration() {
        assertThat(fields(behaviourEntry("ONCE"))).isEmpty();
        assertThat(fields(behaviourEntry("PT1H"))).isEmpty();
    }

    @Test
    void refusesUnknownFieldsOfAWaitsEventAnAbTestsGoalAndAGroup() {
        FlowDefinition wait = afterAudience(ComponentType.WAIT_UNTIL, Map.of("event",
                Map.of("eventType", "pay", "keys", "order"), "timeout", "PT1H"));
        FlowDefinition test = afterAudience(ComponentType.AB_TEST, Map.of(
                "groups", List.of(Map.of("name", "A", "percent", 100, "weight", 1)),
                "goal", Map.of("eventType", "buy", "windowHours", 2, "hours", 2)));

        assertThat(fields(wait)).contains("flow.components[1].config.event.keys");
        assertThat(fields(test)).contains("flow.components[1].config.groups[0].weight",
                "flow.components[1].config.goal.hours");
    }

    /** Audience, a webhook, then a RESULT_JUDGMENT of it configured as given, whose "yes" goes to another. */
    private static FlowDefinition judgedSend(Map<String, Object> judgment) {
        return new FlowDefinition(List.of(audience("in"), hook("hook"),
                new FlowComponent("judge", ComponentType.RESULT_JUDGMENT, judgment), hook("again")),
                List.of(new FlowEdge("in", "hook", null), new FlowEdge("hook", "judge", null),
                        new FlowEdge("judge", "again", "yes")));
    }

    /** An audience entry followed by one component of the type, configured as given; no branches checked. */
    private static FlowDefinition afterAudience(ComponentType type, Map<String, Object> config) {
        return new FlowDefinition(List.of(audience("in"), new FlowComponent("c", type, config)),
                List.of(new FlowEdge("in", "c", null)));
    }

    private static FlowDefinition behaviourEntry(Object reentry) {
        return new FlowDefinition(List.of(new FlowComponent("visit", ComponentType.BEHAVIOR_EVENT,
                Map.of("eventType", "visit", "reentry", reentry)), hook("hook")),
                List.of(new FlowEdge("visit", "hook", null)));
    }

    private static FlowComponent judgmentOf(String sendId) {
        return new FlowComponent("judge", ComponentType.RESULT_JUDGMENT, Map.of("componentId", sendId,
                "results", List.of("SUCCESS")));
    }
}
