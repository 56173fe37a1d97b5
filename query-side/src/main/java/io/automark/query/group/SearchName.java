package io.automark.query.group;

import java.util.Locale;

/** How a group name search compares: the typed text anywhere in the name, ignoring case and outer spaces. */
final class SearchName {

    private SearchName() {
    }

    static String normalize(String text) {
        return text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    }

    static boolean matches(String name, String typed) {
        return normalize(name).contains(normalize(typed));
    }
}
