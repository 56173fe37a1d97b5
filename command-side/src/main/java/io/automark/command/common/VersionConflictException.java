package io.automark.command.common;

/** The client edited from a version that is no longer current; answered with 409 VERSION_CONFLICT. */
public class VersionConflictException extends DomainException {

    public VersionConflictException(long expected, long actual) {
        super("expected version " + expected + " but the current version is " + actual);
    }

    @Override
    public String code() {
        return "VERSION_CONFLICT";
    }
}
