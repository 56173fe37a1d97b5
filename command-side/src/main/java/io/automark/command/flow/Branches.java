package io.automark.command.flow;

/** Branch names shared by the components that branch on a yes-or-no outcome or wait for an event. */
public final class Branches {

    public static final String YES = "yes";
    public static final String NO = "no";
    public static final String MATCHED = "matched";
    public static final String TIMEOUT = "timeout";

    private Branches() {
    }
}
