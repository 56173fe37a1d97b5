package io.automark.command.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Caps request bodies: JSON commands at {@code automark.web.max-json-bytes}, CSV uploads at
 * {@code automark.audience.max-upload-bytes}. A body that declares a larger length is refused at once; one that
 * streams past the cap fails while it is read. Either way the answer is 413, never a 5xx.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final long maxJsonBytes;
    private final long maxCsvBytes;

    public RequestBodyLimitFilter(@Value("${automark.web.max-json-bytes:1048576}") long maxJsonBytes,
                                  @Value("${automark.audience.max-upload-bytes:268435456}") long maxCsvBytes) {
        this.maxJsonBytes = maxJsonBytes;
        this.maxCsvBytes = maxCsvBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        long limit = contentType != null && contentType.startsWith("text/csv") ? maxCsvBytes : maxJsonBytes;
        if (request.getContentLengthLong() > limit) {
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"status\":413,\"title\":\"Payload Too Large\",\"code\":\"PAYLOAD_TOO_LARGE\","
                    + "\"detail\":\"the body is larger than " + limit + " bytes\"}");
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit), response);
    }

    /** Thrown when a body streams past its cap; mapped to 413. */
    public static class PayloadTooLarge extends IOException {
        PayloadTooLarge(long limit) {
            super("the body is larger than " + limit + " bytes");
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class LimitedStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final long limit;
        private long read;

        LimitedStream(ServletInputStream delegate, long limit) {
            this.delegate = delegate;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int next = delegate.read();
            if (next >= 0) {
                count(1);
            }
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws PayloadTooLarge {
            read += n;
            if (read > limit) {
                throw new PayloadTooLarge(limit);
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
