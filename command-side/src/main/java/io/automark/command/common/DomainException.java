package io.automark.command.common;

/**
 * A command was refused by a rule of the domain. Each subtype maps to one stable problem {@link #code()}.
 * Nothing was changed when one is thrown.
 */
public abstract class DomainException extends RuntimeException {

    protected DomainException(String message) {
        super(message);
    }

    /** The stable code clients see in the problem details. */
    public abstract String code();
}
