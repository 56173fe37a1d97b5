package io.automark.command.channel;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fills {@code {{name}}} placeholders with a user's attributes, {@code {{userId}}} with the id; unknown ones empty. */
final class MessageTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_-]+)\\s*}}");

    private MessageTemplate() {
    }

    static String fill(String template, String userId, Map<String, String> attributes) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = "userId".equals(name) ? userId : attributes.getOrDefault(name, "");
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }
}
