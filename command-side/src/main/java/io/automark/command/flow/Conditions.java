package io.automark.command.flow;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The conditions of a TAG_JUDGMENT: each tests one attribute or one tag of a user, and {@code match} says whether
 * ALL (the default) or ANY of them must hold.
 *
 * <p>Operators: EQ, NE, GT, GTE, LT, LTE (numbers compare as numbers, other values as text), IN (value is a
 * list), CONTAINS, EXISTS for attributes; HAS_TAG and NOT_HAS_TAG for tags.
 */
public final class Conditions {

    static final Set<String> OPERATORS =
            Set.of("EQ", "NE", "GT", "GTE", "LT", "LTE", "IN", "CONTAINS", "EXISTS", "HAS_TAG", "NOT_HAS_TAG");
    private static final Set<String> TAG_OPERATORS = Set.of("HAS_TAG", "NOT_HAS_TAG");
    /** What a condition may hold: an attribute and a value to compare it with, or a tag. */
    private static final Set<String> FIELDS = Set.of("operator", "attribute", "tag", "value");

    private final List<Map<String, Object>> conditions;
    private final boolean all;

    private Conditions(List<Map<String, Object>> conditions, boolean all) {
        this.conditions = conditions;
        this.all = all;
    }

    @SuppressWarnings("unchecked")
    public static Conditions of(Map<String, Object> config) {
        List<Map<String, Object>> conditions = (List<Map<String, Object>>) config.get("conditions");
        return new Conditions(conditions, !"ANY".equals(config.get("match")));
    }

    /** Whether a user with these attributes and tags meets the conditions. */
    public boolean test(Map<String, String> attributes, Set<String> tags) {
        for (Map<String, Object> condition : conditions) {
            boolean holds = holds(condition, attributes, tags);
            if (all && !holds) {
                return false;
            }
            if (!all && holds) {
                return true;
            }
        }
        return all;
    }

    private static boolean holds(Map<String, Object> condition, Map<String, String> attributes, Set<String> tags) {
        String operator = (String) condition.get("operator");
        if (TAG_OPERATORS.contains(operator)) {
            boolean tagged = tags.contains((String) condition.get("tag"));
            return "HAS_TAG".equals(operator) == tagged;
        }
        String actual = attributes.get((String) condition.get("attribute"));
        Object expected = condition.get("value");
        return switch (operator) {
            case "EXISTS" -> actual != null && !actual.isEmpty();
            case "EQ" -> actual != null && compare(actual, expected) == 0;
            case "NE" -> actual == null || compare(actual, expected) != 0;
            case "GT" -> actual != null && compare(actual, expected) > 0;
            case "GTE" -> actual != null && compare(actual, expected) >= 0;
            case "LT" -> actual != null && compare(actual, expected) < 0;
            case "LTE" -> actual != null && compare(actual, expected) <= 0;
            case "IN" -> actual != null && ((List<?>) expected).stream().anyMatch(v -> compare(actual, v) == 0);
            case "CONTAINS" -> actual != null && actual.contains(String.valueOf(expected));
            default -> throw new IllegalStateException("unknown operator " + operator);
        };
    }

    private static int compare(String actual, Object expected) {
        BigDecimal left = number(actual);
        BigDecimal right = number(String.valueOf(expected));
        if (left != null && right != null) {
            return left.compareTo(right);
        }
        return actual.compareTo(String.valueOf(expected));
    }

    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static void check(ConfigReader config) {
        Object match = config.raw("match");
        if (match != null && !"ALL".equals(match) && !"ANY".equals(match)) {
            config.problem("match", "must be ALL or ANY");
        }
        List<Map<String, Object>> conditions = config.requireListOfMaps("conditions");
        if (conditions == null) {
            return;
        }
        for (int i = 0; i < conditions.size(); i++) {
            if (conditions.get(i) != null) {
                checkOne(config, "conditions[" + i + "]", conditions.get(i));
            }
        }
    }

    private static void checkOne(ConfigReader config, String path, Map<String, Object> condition) {
        config.refuseUnknown(path + ".", condition, "a condition", FIELDS);
        Object operator = condition.get("operator");
        if (!(operator instanceof String name) || !OPERATORS.contains(name)) {
            config.problem(path + ".operator", "must be one of " + OPERATORS);
            return;
        }
        String subject = TAG_OPERATORS.contains(name) ? "tag" : "attribute";
        if (!(condition.get(subject) instanceof String text) || text.isBlank()) {
            config.problem(path + "." + subject, name + " needs a non-blank " + subject);
        }
        boolean needsValue = !TAG_OPERATORS.contains(name) && !"EXISTS".equals(name);
        Object value = condition.get("value");
        if (needsValue && (value == null || value instanceof Map)) {
            config.problem(path + ".value", name + " needs a value");
        } else if ("IN".equals(name) && !(value instanceof List)) {
            config.problem(path + ".value", "IN needs a list of values");
        }
    }
}
