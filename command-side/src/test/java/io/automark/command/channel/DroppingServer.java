package io.automark.command.channel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bare HTTP/1.1 server on a socket that drops its first connections without a word, the way a crashing peer
 * does, and answers 204 after that.
 */
final class DroppingServer implements AutoCloseable {

    private final ServerSocket socket;
    private final int drops;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();

    DroppingServer(int drops) {
        this.drops = drops;
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::serve, "dropping-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url() {
        return "http://127.0.0.1:" + socket.getLocalPort() + "/hook";
    }

    int connections() {
        return connections.get();
    }

    int answered() {
        return answered.get();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket connection = socket.accept()) {
                if (connections.incrementAndGet() > drops) {
                    answer(connection);
                }
            } catch (IOException e) {
                // The socket was closed: the test is over.
            }
        }
    }

    private void answer(Socket connection) throws IOException {
        InputStream in = connection.getInputStream();
        String head = readHead(in);
        in.readNBytes(contentLength(head));
        // Counted before the answer leaves, so that a client that has it always sees the count.
        answered.incrementAndGet();
        OutputStream out = connection.getOutputStream();
        out.write("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                break;
            }
            head.append((char) next);
        }
        return head.toString();
    }

    private static int contentLength(String head) {
        return head.lines()
                .filter(line -> line.toLowerCase(Locale.ROOT).startsWith("content-length:"))
                .map(line -> Integer.parseInt(line.substring(line.indexOf(':') + 1).trim()))
                .findFirst()
                .orElse(0);
    }
}
