package io.automark.command.common;

/** The thing a command names does not exist in the workspace; answered with 404 NOT_FOUND. */
public class NotFoundException extends DomainException {

    public NotFoundException(String what, String id) {
        super(what + " " + id + " does not exist in this workspace");
    }

    @Override
    public String code() {
        return "NOT_FOUND";
    }
}
