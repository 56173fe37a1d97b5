package io.automark.ops.bench;

import java.time.Duration;
import java.util.Locale;

/** The arithmetic of the benchmarks' figures: rates, fractions and verdicts against a target. */
final class Figures {

    private static final double MEBIBYTE = 1024.0 * 1024.0;

    private Figures() {
    }

    /** A verdict against a target, printed as it is. */
    enum Verdict {
        PASS, MISS
    }

    /**
     * Events per second.
     *
     * @throws IllegalArgumentException when the count is negative or the time is not positive
     */
    static double perSecond(long count, Duration elapsed) {
        if (count < 0 || elapsed.isNegative() || elapsed.isZero()) {
            throw new IllegalArgumentException("a rate needs a count >= 0 and a positive time, not " + count
                    + " in " + elapsed);
        }
        return count / (elapsed.toNanos() / 1e9);
    }

    /**
     * How large {@code ours} is against {@code reference}: 0.5 is half of it.
     *
     * @throws IllegalArgumentException when the reference is not positive
     */
    static double fraction(double ours, double reference) {
        if (!(reference > 0)) {
            throw new IllegalArgumentException("a fraction needs a positive reference, not " + reference);
        }
        return ours / reference;
    }

    /** PASS when {@code value} reaches {@code target}, else MISS. */
    static Verdict atLeast(double value, double target) {
        return value >= target ? Verdict.PASS : Verdict.MISS;
    }

    /** PASS when {@code value} stays under {@code limit}, else MISS. */
    static Verdict below(double value, double limit) {
        return value < limit ? Verdict.PASS : Verdict.MISS;
    }

    static double mebibytes(long bytes) {
        return bytes / MEBIBYTE;
    }

    /**
     * A JVM memory size such as {@code 512m}, {@code 2g} or {@code 1048576}, in bytes.
     *
     * @throws IllegalArgumentException when the text is no such size
     */
    static long memorySize(String text) {
        String size = text.trim().toLowerCase(Locale.ROOT);
        if (!size.matches("\\d+[kmg]?")) {
            throw new IllegalArgumentException("not a JVM memory size (e.g. 512m, 2g): " + text);
        }

        char unit = size.charAt(size.length() - 1);
        long factor = switch (unit) {
            case 'k' -> 1024L;
            case 'm' -> 1024L * 1024;
            case 'g' -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        String digits = Character.isDigit(unit) ? size : size.substring(0, size.length() - 1);
        return Long.parseLong(digits) * factor;
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
