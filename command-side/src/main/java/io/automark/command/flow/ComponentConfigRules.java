package io.automark.command.flow;

import io.automark.command.channel.ProviderSettings;
import io.automark.command.common.Problem;
import io.automark.events.campaign.ComponentType;
import io.automark.events.campaign.FlowComponent;
import io.automark.events.execution.UserResult;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The configuration each component type needs and the branches it leaves by. The README documents the same
 * keys; keep the two in step.
 */
final class ComponentConfigRules {

    static final Set<String> YES_NO = Set.of(Branches.YES, Branches.NO);
    static final Set<String> WAIT_BRANCHES = Set.of(Branches.MATCHED, Branches.TIMEOUT);

    /** The longest wait, time-out, window or test a flow may ask for: ten years. */
    static final Duration LONGEST_SPAN = Duration.ofDays(3650);

    /** Waits end by this instant at the latest; later ones could not be stored as dates on MongoDB. */
    static final Instant LATEST_INSTANT = Instant.parse("9999-12-31T23:59:59Z");

    /** What a send leaves its users with, as a RESULT_JUDGMENT sees it; users it stopped go no further. */
    static final List<String> SEND_RESULTS = List.of(UserResult.SUCCESS.name(), UserResult.FAILED.name(),
            UserResult.SKIPPED.name());

    /** Outcomes of other components, which no send records. */
    private static final Set<String> NO_SEND_RESULTS = Arrays.stream(UserResult.values())
            .map(UserResult::name)
            .filter(name -> !SEND_RESULTS.contains(name))
            .collect(Collectors.toUnmodifiableSet());

    /** What Kafka accepts as a topic name, besides "." and "..". */
    private static final Pattern KAFKA_TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    /** Sending through an HTTP provider: what its channel and the provider's body template may read. */
    private static final Set<String> PROVIDER_MESSAGE = Set.of("template", "addressAttribute", "params");

    /**
     * The fields each type's executor or channel reads (the README's table of components); any other is refused.
     * A provider's body template reads {@code {{config.<field>}}}, so its own values go under {@code params}.
     */
    private static final Map<ComponentType, Set<String>> FIELDS = fields();

    private ComponentConfigRules() {
    }

    private static Map<ComponentType, Set<String>> fields() {
        Map<ComponentType, Set<String>> fields = new EnumMap<>(ComponentType.class);
        fields.put(ComponentType.TARGET_AUDIENCE, Set.of("audienceId"));
        fields.put(ComponentType.BEHAVIOR_EVENT, Set.of("eventType", "conditions", "match", "reentry"));
        fields.put(ComponentType.WAIT_UNTIL, Set.of("duration", "until", "event", "timeout"));
        fields.put(ComponentType.RANDOM_GROUPING, Set.of("groups"));
        fields.put(ComponentType.TAG_JUDGMENT, Set.of("conditions", "match"));
        fields.put(ComponentType.RESULT_JUDGMENT, Set.of("componentId", "results", "window", "receiptEvent"));
        fields.put(ComponentType.AB_TEST, Set.of("groups", "goal"));
        fields.put(ComponentType.GENERATE_AUDIENCE, Set.of("name"));
        fields.put(ComponentType.TAG, Set.of("tags"));
        fields.put(ComponentType.EMAIL, Set.of("subject", "template", "addressAttribute"));
        fields.put(ComponentType.WEBHOOK, Set.of("url", "timeoutMs", "secretRef"));
        fields.put(ComponentType.KAFKA, Set.of("topic"));
        fields.put(ComponentType.COUPON, Set.of("couponId", "addressAttribute", "params"));
        for (ComponentType type : List.of(ComponentType.TEXT_SMS, ComponentType.DIGITAL_SMS,
                ComponentType.WECHAT_MESSAGE, ComponentType.TEMPLATE_MESSAGE, ComponentType.APP_PUSH,
                ComponentType.SHOPPING_GUIDE_TASK)) {
            fields.put(type, PROVIDER_MESSAGE);
        }
        return Map.copyOf(fields);
    }

    static Set<String> branchesOf(FlowComponent component) {
        return switch (component.type()) {
            case TAG_JUDGMENT, RESULT_JUDGMENT -> YES_NO;
            case RANDOM_GROUPING, AB_TEST -> groupNames(component.config());
            case WAIT_UNTIL -> component.config().get("event") != null ? WAIT_BRANCHES : Set.of();
            default -> Set.of();
        };
    }

    static void check(FlowComponent component, String path, List<Problem> problems) {
        ConfigReader config = new ConfigReader(component.config(), path, problems);
        Set<String> known = FIELDS.get(component.type());
        if (known == null) {
            throw new IllegalStateException("no configuration rule for " + component.type());
        }
        config.refuseUnknown("", config.all(), component.type().name(), known);

        switch (component.type()) {
            case TARGET_AUDIENCE -> config.requireText("audienceId");
            case BEHAVIOR_EVENT -> checkBehaviorEntry(config);
            case WAIT_UNTIL -> checkWait(config);
            case RANDOM_GROUPING -> checkGroups(config);
            case TAG_JUDGMENT -> Conditions.check(config);
            case RESULT_JUDGMENT -> checkResultJudgment(config);
            case AB_TEST -> {
                checkGroups(config);
                checkGoal(config);
            }
            case GENERATE_AUDIENCE -> config.requireText("name");
            case TAG -> checkTags(config);
            case EMAIL -> {
                config.requireText("subject");
                config.requireText("template");
                config.optionalText("addressAttribute");
            }
            case WEBHOOK -> checkWebhook(config);
            case KAFKA -> checkTopic(config);
            case COUPON -> {
                config.requireText("couponId");
                checkProviderValues(config);
            }
            case TEXT_SMS, DIGITAL_SMS, WECHAT_MESSAGE, TEMPLATE_MESSAGE, APP_PUSH, SHOPPING_GUIDE_TASK -> {
                config.requireText("template");
                checkProviderValues(config);
            }
        }
    }

    private static void checkBehaviorEntry(ConfigReader config) {
        config.requireText("eventType");
        Object reentry = config.raw("reentry");
        if (reentry != null && !"ONCE".equals(reentry)) {
            checkReentry(config, reentry);
        }
        if (config.raw("conditions") != null) {
            Conditions.check(config);
        }
    }

    /**
     * Re-entry after a span: a zero or negative one would let a user in again at once, at every event, so it must
     * be positive; ONCE, the default, lets each user in once per run.
     */
    private static void checkReentry(ConfigReader config, Object reentry) {
        String expected = "must be ONCE or a positive ISO-8601 duration of at most " + LONGEST_SPAN.toDays() + " days";
        if (!(reentry instanceof String text)) {
            config.problem("reentry", expected);
            return;
        }
        try {
            Duration span = Duration.parse(text);
            if (span.isNegative() || span.isZero() || span.compareTo(LONGEST_SPAN) > 0) {
                config.problem("reentry", expected + "; got " + text);
            }
        } catch (DateTimeParseException e) {
            config.problem("reentry", expected + "; got " + text);
        }
    }

    private static void checkWait(ConfigReader config) {
        Object duration = config.raw("duration");
        Object until = config.raw("until");
        Object event = config.raw("event");
        if (event == null && config.raw("timeout") != null) {
            config.problem("timeout", "applies only to a wait for an event; a wait for a duration or until an "
                    + "instant has none");
        }
        int given = (duration != null ? 1 : 0) + (until != null ? 1 : 0) + (event != null ? 1 : 0);
        if (given != 1) {
            config.problem("", "give exactly one of duration, until or event");
            return;
        }
        if (duration != null) {
            checkSpan(config, "duration");
        }
        if (until != null) {
            parse(config, "until", () -> checkUntil(config, Instant.parse(String.valueOf(until))));
        }
        if (event != null) {
            Map<?, ?> match = config.requireMap("event");
            if (match != null) {
                config.refuseUnknown("event.", match, "a wait's event", Set.of("eventType", "key"));
            }
            if (match != null && !(match.get("eventType") instanceof String type && !type.isBlank())) {
                config.problem("event.eventType", "is required");
            }
            if (match != null && match.get("key") != null && !(match.get("key") instanceof String)) {
                config.problem("event.key", "must name a property");
            }
            if (config.requireText("timeout") != null) {
                checkSpan(config, "timeout");
            }
        }
    }

    private static void checkGoal(ConfigReader config) {
        Map<?, ?> goal = config.requireMap("goal");
        if (goal == null) {
            return;
        }
        config.refuseUnknown("goal.", goal, "an A/B test's goal", Set.of("eventType", "windowHours"));
        if (!(goal.get("eventType") instanceof String type && !type.isBlank())) {
            config.problem("goal.eventType", "is required");
        }
        if (!(goal.get("windowHours") instanceof Number hours && hours.doubleValue() > 0
                && hours.doubleValue() <= LONGEST_SPAN.toHours())) {
            config.problem("goal.windowHours", "needs a number of hours above 0, at most " + LONGEST_SPAN.toHours());
        }
    }

    private static void checkResultJudgment(ConfigReader config) {
        config.requireText("componentId");
        Object window = config.raw("window");
        checkJudgedResults(config, window != null);
        if (window != null) {
            checkSpan(config, "window");
        }
        Object receipt = config.raw("receiptEvent");
        if (receipt != null && !(receipt instanceof String text && !text.isBlank())) {
            config.problem("receiptEvent", "must be an event type");
        }
    }

    /**
     * The results that count as "yes": send results, and with a window also a receipt's result, the provider's own
     * text (such as DELIVERED), matched exactly. Anything else would never match, so the judgment would send every
     * user by "no".
     */
    private static void checkJudgedResults(ConfigReader config, boolean receipts) {
        List<?> results = config.requireList("results");
        if (results == null) {
            return;
        }
        for (int i = 0; i < results.size(); i++) {
            String problem = problemOfResult(results.get(i), receipts);
            if (problem != null) {
                config.problem("results[" + i + "]", problem);
            }
        }
    }

    private static String problemOfResult(Object result, boolean receipts) {
        if (!(result instanceof String text) || text.isBlank()) {
            return "must be a send result (one of " + SEND_RESULTS + ") or, with a window, a receipt's result";
        }
        if (SEND_RESULTS.contains(text)) {
            return null;
        }
        if (NO_SEND_RESULTS.contains(text)) {
            return "'" + text + "' is no result of a send; a send ends as one of " + SEND_RESULTS;
        }
        if (!receipts) {
            return "'" + text + "' is not a send result (one of " + SEND_RESULTS + "); a receipt's result such as "
                    + "DELIVERED counts only with a window";
        }
        return null;
    }

    /** A span of waiting: positive, and short enough that every instant it leads to can be stored as a date. */
    private static void checkSpan(ConfigReader config, String key) {
        parse(config, key, () -> {
            Duration span = Duration.parse(String.valueOf(config.raw(key)));
            if (span.isNegative() || span.isZero() || span.compareTo(LONGEST_SPAN) > 0) {
                config.problem(key, "must be a positive ISO-8601 duration of at most " + LONGEST_SPAN.toDays()
                        + " days");
            }
        });
    }

    private static void checkUntil(ConfigReader config, Instant until) {
        if (until.isAfter(LATEST_INSTANT)) {
            config.problem("until", "must be before " + LATEST_INSTANT);
        }
    }

    private static void parse(ConfigReader config, String key, Runnable parser) {
        try {
            parser.run();
        } catch (DateTimeParseException e) {
            config.problem(key, "cannot be read: " + e.getParsedString());
        }
    }

    private static void checkGroups(ConfigReader config) {
        List<Map<String, Object>> groups = config.requireListOfMaps("groups");
        if (groups == null) {
            return;
        }
        if (groups.contains(null)) {
            return;
        }
        double total = 0;
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < groups.size(); i++) {
            Object name = groups.get(i).get("name");
            Object percent = groups.get(i).get("percent");
            config.refuseUnknown("groups[" + i + "].", groups.get(i), "a group", Set.of("name", "percent"));
            if (!(name instanceof String text) || text.isBlank() || !names.add(text)) {
                config.problem("groups[" + i + "].name", "needs a unique, non-blank name");
            }
            if (!(percent instanceof Number number) || number.doubleValue() <= 0) {
                config.problem("groups[" + i + "].percent", "needs a percent above 0");
            } else {
                total += number.doubleValue();
            }
        }
        if (Math.abs(total - 100) > 1e-9) {
            config.problem("groups", "percentages must add up to 100; they add up to " + total);
        }
    }

    /** Tags are written as given to the audience store, so each must be text someone can later judge by. */
    private static void checkTags(ConfigReader config) {
        List<?> tags = config.requireList("tags");
        if (tags == null) {
            return;
        }
        for (int i = 0; i < tags.size(); i++) {
            if (!(tags.get(i) instanceof String tag) || tag.isBlank()) {
                config.problem("tags[" + i + "]", "must be a non-blank string; got " + tags.get(i));
            }
        }
    }

    private static void checkTopic(ConfigReader config) {
        String topic = config.requireText("topic");
        if (topic != null && (!KAFKA_TOPIC.matcher(topic).matches() || ".".equals(topic) || "..".equals(topic))) {
            config.problem("topic", "must be a Kafka topic name: 1 to 249 letters, digits, '.', '_' or '-', "
                    + "and not '.' or '..'");
        }
    }

    private static void checkProviderValues(ConfigReader config) {
        config.optionalText("addressAttribute");
        Object params = config.raw("params");
        if (params != null && !(params instanceof Map<?, ?>)) {
            config.problem("params", "must be an object of values for the provider's body template");
        }
    }

    private static void checkWebhook(ConfigReader config) {
        String url = config.requireText("url");
        if (url != null && !ProviderSettings.isHttpUrl(url)) {
            config.problem("url", "must be an absolute http or https URL");
        }
        Object timeout = config.raw("timeoutMs");
        if (timeout != null && (!(timeout instanceof Integer ms) || ms < 1 || ms > 60_000)) {
            config.problem("timeoutMs", "must be a whole number of milliseconds from 1 to 60000");
        }
        config.optionalText("secretRef");
    }

    private static Set<String> groupNames(Map<String, Object> config) {
        Set<String> names = new LinkedHashSet<>();
        if (config.get("groups") instanceof List<?> groups) {
            for (Object group : groups) {
                if (group instanceof Map<?, ?> map && map.get("name") instanceof String name) {
                    names.add(name);
                }
            }
        }
        return names;
    }
}
