package io.automark.ops.demo;

import java.util.Objects;

/**
 * One figure of a run held against what it must be.
 *
 * @param actual null when the API did not report the figure, which fails the check
 */
public record FigureCheck(String description, Long expected, Long actual) {

    public boolean passed() {
        return actual != null && Objects.equals(expected, actual);
    }

    @Override
    public String toString() {
        String verdict = passed() ? "ok  " : "FAIL";
        String got = actual == null ? "nothing" : actual.toString();
        return verdict + " " + description + ": expected " + expected + ", got " + got;
    }
}
