package io.automark.command.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Honours {@code Idempotency-Key} on commands: the same key with the same request answers the first answer again
 * and changes nothing; the same key with another request is refused with 422 IDEMPOTENCY_KEY_REUSED. Answers of
 * 5xx are not remembered, so a client may retry them. CSV uploads stream and are not covered.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class IdempotencyFilter extends OncePerRequestFilter {

    private static final Pattern WORKSPACE = Pattern.compile("^/api/v1/workspaces/([a-z0-9-]{1,64})/");
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,128}");
    /** Shaped as every VALIDATION_FAILED answer: an {@code errors} list naming what is wrong. */
    private static final String INVALID_KEY = "{\"status\":400,\"title\":\"Idempotency-Key\","
            + "\"code\":\"VALIDATION_FAILED\",\"detail\":\"the Idempotency-Key header is invalid\","
            + "\"errors\":[{\"field\":\"Idempotency-Key\",\"message\":\"must be 1 to 128 visible characters\"}]}";

    private final IdempotencyStore store;
    private final Clock clock;

    public IdempotencyFilter(IdempotencyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String contentType = request.getContentType();
        return request.getHeader("Idempotency-Key") == null
                || "GET".equals(request.getMethod())
                || (contentType != null && contentType.startsWith("text/csv"))
                || !WORKSPACE.matcher(request.getRequestURI()).find();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader("Idempotency-Key");
        if (!KEY.matcher(key).matches()) {
            write(response, 400, INVALID_KEY);
            return;
        }

        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (RequestBodyLimitFilter.PayloadTooLarge e) {
            refuse(response, 413, "PAYLOAD_TOO_LARGE", e.getMessage());
            return;
        }
        String id = workspaceOf(request) + ":" + key;
        String hash = hash(request.getMethod(), request.getRequestURI(), body);
        Optional<Document> earlier = store.claim(id, hash, clock.instant());
        if (earlier.isPresent()) {
            answerAgain(earlier.get(), hash, response);
            return;
        }

        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(new ReplayedBody(request, body), recorded);
        } finally {
            remember(id, recorded);
            recorded.copyBodyToResponse();
        }
    }

    private void remember(String id, ContentCachingResponseWrapper recorded) {
        if (recorded.getStatus() >= 500) {
            store.release(id);
        } else {
            store.complete(id, recorded.getStatus(), recorded.getContentType(), recorded.getContentAsByteArray());
        }
    }

    private static void answerAgain(Document earlier, String hash, HttpServletResponse response) throws IOException {
        if (!hash.equals(earlier.getString("hash"))) {
            refuse(response, 422, "IDEMPOTENCY_KEY_REUSED", "this Idempotency-Key was used for another request");
        } else if (!"DONE".equals(earlier.getString("state"))) {
            refuse(response, 409, "REQUEST_IN_PROGRESS", "a request with this Idempotency-Key is still running");
        } else {
            response.setStatus(earlier.getInteger("status"));
            if (earlier.getString("contentType") != null) {
                response.setContentType(earlier.getString("contentType"));
            }
            response.setHeader("Idempotent-Replayed", "true");
            response.getOutputStream().write(earlier.get("body", Binary.class).getData());
        }
    }

    private static void refuse(HttpServletResponse response, int status, String code, String detail)
            throws IOException {
        write(response, status, "{\"status\":" + status + ",\"title\":\"Idempotency-Key\",\"code\":\"" + code
                + "\",\"detail\":\"" + detail + "\"}");
    }

    private static void write(HttpServletResponse response, int status, String problem) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json;charset=UTF-8");
        response.getWriter().write(problem);
    }

    private static String workspaceOf(HttpServletRequest request) {
        Matcher matcher = WORKSPACE.matcher(request.getRequestURI());
        return matcher.find() ? matcher.group(1) : "";
    }

    private static String hash(String method, String path, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM ships SHA-256", e);
        }
    }

    /** The request with its body read once for hashing and served again to the controller. */
    private static final class ReplayedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReplayedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("bodies are replayed synchronously");
                }
            };
        }
    }
}
