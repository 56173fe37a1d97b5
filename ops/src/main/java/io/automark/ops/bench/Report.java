package io.automark.ops.bench;

import io.automark.ops.bench.Figures.Verdict;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The figures a benchmark prints at its end: plain lines, then each target with PASS or MISS. */
final class Report {

    private final String title;

    private final List<String> lines = new ArrayList<>();

    private final List<String> targets = new ArrayList<>();

    private final List<String> notes = new ArrayList<>();

    private boolean missed;

    private String failure;

    Report(String title) {
        this.title = title;
    }

    Report line(String format, Object... args) {
        lines.add(String.format(format, args));
        return this;
    }

    Report target(Verdict verdict, String format, Object... args) {
        targets.add(verdict + "  " + String.format(format, args));
        missed |= verdict == Verdict.MISS;
        return this;
    }

    Report note(String format, Object... args) {
        notes.add(String.format(format, args));
        return this;
    }

    /** The run broke off: the figures so far are printed with the reason. */
    Report failed(String reason) {
        failure = reason;
        return this;
    }

    /** Whether the run ended with every target met. */
    boolean passed() {
        return failure == null && !missed && !targets.isEmpty();
    }

    void print(PrintStream out) {
        out.println();
        out.println(title);
        lines.forEach(line -> out.println("  " + line));
        if (!targets.isEmpty()) {
            out.println("Targets:");
            targets.forEach(target -> out.println("  " + target));
        }
        notes.forEach(note -> out.println("Note: " + note));
        if (failure != null) {
            out.println("FAILED: " + failure);
        }
    }
}
