package io.automark.ops.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.server.SMTPServer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local SMTP server that accepts every message, counts it under its {@code X-Automark-Execution} header and
 * throws it away: the local stack's mailbox, so that a run can check that each mail it sent arrived.
 */
public final class MailSink implements AutoCloseable {

    /** The header by which the command side's email channel names the execution that sent a message. */
    public static final String EXECUTION_HEADER = "X-Automark-Execution";

    /** Where a message without that header is counted. */
    public static final String UNKNOWN_EXECUTION = "unknown";

    private static final Logger log = LoggerFactory.getLogger(MailSink.class);

    private final Map<String, AtomicLong> received = new ConcurrentHashMap<>();

    private final AtomicLong total = new AtomicLong();

    private final SMTPServer server;

    private MailSink(int port) {
        this.server = SMTPServer.port(port)
                .bindAddress(InetAddress.getLoopbackAddress())
                .messageHandlerFactory(this::newHandler)
                .maxConnections(200)
                .build();
    }

    /** Starts a sink on the loopback address; port 0 picks a free one. */
    public static MailSink start(int port) {
        MailSink sink = new MailSink(port);

        sink.server.start();

        log.info("Mail sink listening on SMTP port [{}]", sink.port());
        return sink;
    }

    public int port() {
        return server.getPortAllocated();
    }

    /** How many messages arrived for one execution. */
    public long received(String executionId) {
        AtomicLong count = received.get(executionId);
        return count == null ? 0 : count.get();
    }

    /** How many messages arrived in all. */
    public long total() {
        return total.get();
    }

    @Override
    public void close() {
        server.stop();
        log.info("Mail sink stopped after [{}] messages", total.get());
    }

    private MessageHandler newHandler(MessageContext context) {
        return new CountingHandler();
    }

    private void count(String executionId) {
        received.computeIfAbsent(executionId, id -> new AtomicLong()).incrementAndGet();
        total.incrementAndGet();
    }

    /** Reads a message's header block for the execution id and discards the rest of it. */
    private final class CountingHandler implements MessageHandler {

        @Override
        public void from(String from) {
            // every sender is welcome
        }

        @Override
        public void recipient(String recipient) {
            // every recipient is welcome
        }

        @Override
        public String data(InputStream data) throws IOException {
            BufferedReader reader = new BufferedReader(new InputStreamReader(data, StandardCharsets.ISO_8859_1));

            String executionId = findExecutionHeader(reader);
            reader.transferTo(Writer.nullWriter());

            count(executionId);
            return null;
        }

        @Override
        public void done() {
            // counted once the whole message was read, so an aborted transfer is not counted
        }

        private String findExecutionHeader(BufferedReader reader) throws IOException {
            String prefix = EXECUTION_HEADER.toLowerCase() + ":";
            for (String line = reader.readLine(); line != null && !line.isEmpty(); line = reader.readLine()) {
                if (line.toLowerCase().startsWith(prefix)) {
                    return line.substring(prefix.length()).trim();
                }
            }
            return UNKNOWN_EXECUTION;
        }
    }
}
