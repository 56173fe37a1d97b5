package io.automark.query.preference;

import io.automark.query.web.InvalidQueryParameter;

/** The same column was chosen twice; answered with 400 VALIDATION_FAILED. */
public class DuplicateColumn extends InvalidQueryParameter {

    public DuplicateColumn(String column) {
        super("columns", "names " + column + " more than once");
    }
}
