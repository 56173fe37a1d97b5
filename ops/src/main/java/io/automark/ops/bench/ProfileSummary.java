package io.automark.ops.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a recorded process spent its time, from the method samples of a JFR file: the hottest frames (the method
 * on top of the stack), the hottest of our own code and the store's (the first frame of an {@code io.automark} or
 * {@code de.bwaldvogel} class, which includes what it calls), those methods anywhere on the stack, the busiest
 * threads, and the garbage collector's pauses. Stacks deeper than the recording's stack depth lose their outer
 * frames, so start the JVM with {@link #STACK_DEPTH_OPTION} for the inclusive figures.
 */
final class ProfileSummary {

    /** The JVM option that keeps deep stacks (Spring, Axon) whole in a recording. */
    static final String STACK_DEPTH_OPTION = "-XX:FlightRecorderOptions=stackdepth=512";

    private static final List<String> OWN_PACKAGES = List.of("io.automark.", "de.bwaldvogel.");

    private final Map<String, Long> topFrames = new HashMap<>();

    private final Map<String, Long> ownFrames = new HashMap<>();

    private final Map<String, Long> ownInclusive = new HashMap<>();

    private final Map<String, Long> threads = new HashMap<>();

    private long samples;

    private Duration gcPauses = Duration.ZERO;

    private long collections;

    private ProfileSummary() {
    }

    /**
     * Reads a recording.
     *
     * @throws UncheckedIOException when the file cannot be read
     */
    static ProfileSummary of(Path recording) {
        ProfileSummary summary = new ProfileSummary();
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                summary.add(file.readEvent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the recording " + recording, e);
        }
        return summary;
    }

    void print(String title, int rows, PrintStream out) {
        out.printf("%s: %,d method samples; %,d GC pauses, %.1f s in all%n", title, samples, collections,
                gcPauses.toMillis() / 1000.0);
        table("top frames (self)", topFrames, rows, out);
        table("first frame of io.automark / de.bwaldvogel (what our or the store's code spends, itself and in "
                + "what it calls)", ownFrames, rows, out);
        table("io.automark / de.bwaldvogel methods anywhere on the stack (inclusive)", ownInclusive, rows, out);
        table("threads", threads, rows, out);
    }

    private void add(RecordedEvent event) {
        String type = event.getEventType().getName();
        if ("jdk.GarbageCollection".equals(type)) {
            collections++;
            gcPauses = gcPauses.plus(event.getDuration("sumOfPauses"));
            return;
        }
        if (!"jdk.ExecutionSample".equals(type) || event.getStackTrace() == null) {
            return;
        }

        samples++;
        RecordedStackTrace stack = event.getStackTrace();
        List<RecordedFrame> frames = stack.getFrames();
        if (!frames.isEmpty()) {
            count(topFrames, name(frames.get(0)));
        }
        List<String> own = frames.stream()
                .filter(frame -> frame.isJavaFrame() && isOwn(frame))
                .map(ProfileSummary::name)
                .toList();
        if (!own.isEmpty()) {
            count(ownFrames, own.get(0));
        }
        own.stream().distinct().forEach(method -> count(ownInclusive, method));
        RecordedThread thread = event.getThread("sampledThread");
        count(threads, thread == null ? "?" : threadGroup(thread.getJavaName()));
    }

    /** A frame of our code or the store's; the lambdas' generated classes are left out, their bodies are not. */
    private static boolean isOwn(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        return OWN_PACKAGES.stream().anyMatch(type::startsWith) && !type.contains("$$Lambda");
    }

    private static String name(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
    }

    /** Threads of one pool under one name: {@code execution-worker-2} counts as {@code execution-worker-#}. */
    static String threadGroup(String name) {
        return name == null ? "?" : name.replaceAll("\\d+", "#");
    }

    private static void count(Map<String, Long> counts, String key) {
        counts.merge(key, 1L, Long::sum);
    }

    private void table(String title, Map<String, Long> counts, int rows, PrintStream out) {
        out.println("  " + title + ":");
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(rows)
                .forEach(entry -> out.printf("    %5.1f%%  %s%n", 100.0 * entry.getValue() / Math.max(1, samples),
                        entry.getKey()));
    }
}
