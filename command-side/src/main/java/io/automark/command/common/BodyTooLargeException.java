package io.automark.command.common;

/** A request body streamed past its size cap; answered with 413 PAYLOAD_TOO_LARGE. */
public class BodyTooLargeException extends DomainException {

    public BodyTooLargeException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "PAYLOAD_TOO_LARGE";
    }
}
