package io.automark.command.common;

/** The action is not allowed in the current status; answered with 409 INVALID_STATE. */
public class InvalidStateException extends DomainException {

    public InvalidStateException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "INVALID_STATE";
    }
}
