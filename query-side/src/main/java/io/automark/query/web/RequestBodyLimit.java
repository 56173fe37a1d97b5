package io.automark.query.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Caps the bodies of the query side's few writes ({@code …/preferences/…}) at
 * {@code automark.query.web.max-body-size}. A body that declares a larger length is refused at once; one that
 * streams past the cap fails while it is read ({@link BodyTooLarge}, mapped by {@link ApiProblemHandler}). Either
 * way the answer is 413. Other paths pass untouched, so in the one-process stack the command side's own cap rules
 * its requests.
 */
@Component
@EnableConfigurationProperties(QueryWebProperties.class)
public class RequestBodyLimit extends OncePerRequestFilter {

    private static final Pattern CAPPED = Pattern.compile("/api/v1/workspaces/[^/]+/preferences(/.*)?");

    private final long maxBytes;

    public RequestBodyLimit(QueryWebProperties properties) {
        this.maxBytes = properties.maxBodySize().toBytes();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !CAPPED.matcher(request.getRequestURI()).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"status\":413,\"title\":\"Payload Too Large\","
                    + "\"code\":\"PAYLOAD_TOO_LARGE\",\"detail\":\"The body is larger than " + maxBytes + " bytes\"}");
            return;
        }

        chain.doFilter(new CappedRequest(request, maxBytes), response);
    }

    /** A body streamed past the cap. */
    public static class BodyTooLarge extends IOException {

        BodyTooLarge(long maxBytes) {
            super("The body is larger than " + maxBytes + " bytes");
        }
    }

    private static final class CappedRequest extends HttpServletRequestWrapper {

        private final long maxBytes;
        private ServletInputStream body;

        CappedRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (body == null) {
                body = new CappedStream(super.getInputStream(), maxBytes);
            }
            return body;
        }
    }

    private static final class CappedStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final long maxBytes;
        private long read;

        CappedStream(ServletInputStream delegate, long maxBytes) {
            this.delegate = delegate;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int next = delegate.read();
            count(next < 0 ? 0 : 1);
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) throws BodyTooLarge {
            read += n;
            if (read > maxBytes) {
                throw new BodyTooLarge(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
