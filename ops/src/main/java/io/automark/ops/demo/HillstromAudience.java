package io.automark.ops.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Hillstrom e-mail test's 64,000 customers (Kevin Hillstrom, MineThatData, 2008), shipped with ops, as an
 * Automark audience: {@code user_id} is the 1-based row number, every Hillstrom column becomes an attribute, and
 * an {@code email} attribute {@code customer-<id>@hillstrom.example} is made up on the way, so that the address
 * lives only in the audience store.
 */
public final class HillstromAudience {

    /** The number of customers in the file. */
    public static final int SIZE = 64_000;

    static final String RESOURCE = "/data/hillstrom/hillstrom.csv";

    private static final String NEWBIE = "newbie";

    private final int rows;

    /**
     * The first {@code rows} customers.
     *
     * @throws IllegalArgumentException unless 1 &lt;= rows &lt;= {@link #SIZE}
     */
    public HillstromAudience(int rows) {
        if (rows < 1 || rows > SIZE) {
            throw new IllegalArgumentException("rows must be between 1 and " + SIZE + ", not " + rows);
        }
        this.rows = rows;
    }

    public int rows() {
        return rows;
    }

    public static String emailOf(long customerId) {
        return "customer-" + customerId + "@hillstrom.example";
    }

    /** The audience as CSV for {@code POST …/audiences}, converted while it is read. */
    public InputStream openCsv() {
        return new ConvertingStream(reader(), rows);
    }

    /** The ids of the customers whose {@code newbie} column is 1: those the demo's judgment sends on "yes". */
    public List<String> newbieIds() {
        List<String> ids = new ArrayList<>();

        try (BufferedReader reader = reader()) {
            int column = CsvLine.split(reader.readLine()).indexOf(NEWBIE);
            for (int id = 1; id <= rows; id++) {
                if ("1".equals(CsvLine.split(reader.readLine()).get(column))) {
                    ids.add(String.valueOf(id));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        return ids;
    }

    private static BufferedReader reader() {
        InputStream file = Objects.requireNonNull(HillstromAudience.class.getResourceAsStream(RESOURCE),
                "the Hillstrom file is missing from the classpath: " + RESOURCE);
        return new BufferedReader(new InputStreamReader(file, StandardCharsets.US_ASCII));
    }

    /**
     * Reads the Hillstrom file line by line and hands out the converted lines: the original fields, quotes
     * included, between a {@code user_id} in front and an {@code email} behind.
     */
    private static final class ConvertingStream extends InputStream {

        private final BufferedReader source;

        private final int rows;

        private int row = -1;

        private byte[] line = new byte[0];

        private int position;

        ConvertingStream(BufferedReader source, int rows) {
            this.source = source;
            this.rows = rows;
        }

        @Override
        public int read() throws IOException {
            if (!fill()) {
                return -1;
            }
            return line[position++] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }

            int count = Math.min(length, line.length - position);
            System.arraycopy(line, position, buffer, offset, count);
            position += count;
            return count;
        }

        @Override
        public void close() throws IOException {
            source.close();
        }

        private boolean fill() throws IOException {
            while (position == line.length) {
                if (row == rows) {
                    return false;
                }
                line = nextLine().getBytes(StandardCharsets.US_ASCII);
                position = 0;
                row++;
            }
            return true;
        }

        private String nextLine() throws IOException {
            String original = source.readLine();
            if (original == null) {
                throw new IOException("the Hillstrom file ended after " + row + " rows");
            }

            if (row == -1) {
                return "user_id," + original + ",email\n";
            }
            long customerId = row + 1;
            return customerId + "," + original + "," + emailOf(customerId) + "\n";
        }
    }
}
