package io.automark.query.web;

/**
 * A query parameter, or a field of the query side's one request body, has a value the endpoint does not accept;
 * answered with 400 VALIDATION_FAILED.
 */
public class InvalidQueryParameter extends RuntimeException {

    private final String field;

    public InvalidQueryParameter(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
