package io.automark.query.web;

/** Something a query asked for does not exist in the workspace; answered with 404 and the code NOT_FOUND. */
public abstract class NotFoundException extends RuntimeException {

    protected NotFoundException(String message) {
        super(message);
    }
}
