package io.automark.query.execution;

/**
 * Makes an id safe as a MongoDB field name and back. Component ids and branch names are chosen by clients and may
 * hold {@code .} (a path separator in updates) or a leading {@code $} (an operator); both are percent-encoded, and
 * so is {@code %} itself so that decoding is exact.
 */
public final class FieldKey {

    private FieldKey() {
    }

    public static String encode(String id) {
        return id.replace("%", "%25")
                .replace(".", "%2E")
                .replace("$", "%24");
    }

    public static String decode(String key) {
        return key.replace("%24", "$")
                .replace("%2E", ".")
                .replace("%25", "%");
    }
}
