package io.automark.query.campaign;

/** Turns what a user typed into a regular expression that matches it literally. */
final class SearchText {

    private SearchText() {
    }

    /**
     * Escapes every ASCII character that is not a letter, a digit or a space, so {@code .*} or {@code (} in a search
     * are matched as typed. Other characters have no meaning in a regular expression and stay as they are.
     */
    static String literal(String typed) {
        StringBuilder pattern = new StringBuilder(typed.length() * 2);

        typed.chars().forEach(c -> {
            if (c < 128 && !Character.isLetterOrDigit(c) && c != ' ') {
                pattern.append('\\');
            }
            pattern.append((char) c);
        });
        return pattern.toString();
    }
}
