package io.automark.ops.bench;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * N made-up users as CSV for {@code POST …/audiences}, written while it is read, so that a million users never sit
 * in memory: user {@code i} (1-based) is {@code u-<i>}, tagged {@code synthetic}, with a {@code score} of
 * {@code i % 100}. The engine flow's judgment sends scores of {@link #YES_FROM} and more on "yes".
 */
final class SyntheticAudience {

    static final String HEADER = "user_id,tags,score\n";

    /** The lowest score the judgment sends on "yes": half of every hundred users. */
    static final int YES_FROM = 50;

    private final long users;

    /**
     * @throws IllegalArgumentException unless there is at least one user
     */
    SyntheticAudience(long users) {
        if (users < 1) {
            throw new IllegalArgumentException("an audience needs at least one user, not " + users);
        }
        this.users = users;
    }

    static String userId(long index) {
        return "u-" + index;
    }

    static int score(long index) {
        return (int) (index % 100);
    }

    static String line(long index) {
        return userId(index) + ",synthetic," + score(index) + "\n";
    }

    /** How many of the users have a score of at least {@link #YES_FROM}. */
    long judgedYes() {
        long hundreds = users / 100;
        long rest = users % 100;

        return hundreds * (100 - YES_FROM) + Math.max(0, rest - YES_FROM + 1);
    }

    /** A fresh stream of the whole CSV, header first. */
    InputStream openCsv() {
        return new CsvStream(users);
    }

    /** Hands out one generated line at a time. */
    private static final class CsvStream extends InputStream {

        private final long users;

        private long next;

        private byte[] line = HEADER.getBytes(StandardCharsets.US_ASCII);

        private int position;

        CsvStream(long users) {
            this.users = users;
        }

        @Override
        public int read() {
            if (!fill()) {
                return -1;
            }
            return line[position++] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }

            int count = 0;
            while (count < length && fill()) {
                int chunk = Math.min(length - count, line.length - position);
                System.arraycopy(line, position, buffer, offset + count, chunk);
                position += chunk;
                count += chunk;
            }
            return count;
        }

        private boolean fill() {
            if (position < line.length) {
                return true;
            }
            if (next == users) {
                return false;
            }

            next++;
            line = line(next).getBytes(StandardCharsets.US_ASCII);
            position = 0;
            return true;
        }
    }
}
