package org.serialtracking.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.serialtracking.api.Problems;
import org.serialtracking.common.ErrorCode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Refuses request bodies over the limit (SERIAL_MAX_REQUEST_MB, default 64 MB: a document of
 * 1,000,000 serials or a 50 MB upload fit) with 413, before anything parses them: a declared
 * length is checked up front, and a body without one is counted as it is read.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class RequestSizeFilter extends HttpFilter {

    static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

    private long maxBytes = DEFAULT_MAX_BYTES;

    @Override
    public void init() {
        String configured = System.getenv("SERIAL_MAX_REQUEST_MB");
        if (configured != null && configured.matches("\\d{1,6}")) {
            maxBytes = Long.parseLong(configured) * 1024 * 1024;
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getContentLengthLong() > maxBytes) {
            tooLarge(response);
            return;
        }
        chain.doFilter(new HttpServletRequestWrapper(request) {
            private ServletInputStream counted;

            @Override
            public ServletInputStream getInputStream() throws IOException {
                if (counted == null) {
                    counted = new Counted(super.getInputStream(), maxBytes);
                }
                return counted;
            }
        }, response);
    }

    private void tooLarge(HttpServletResponse response) throws IOException {
        response.setStatus(413);
        response.setContentType("application/problem+json");
        response.setHeader("Connection", "close");
        byte[] body = Problems.json(ErrorCode.REQUEST_TOO_LARGE, "The request body is larger than "
                + maxBytes / (1024 * 1024) + " MB", List.of()).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** Thrown while reading a body that grows past the limit; the problem mapper answers 413. */
    public static class TooLarge extends IOException {
        public TooLarge(long limit) {
            super("request body over " + limit + " bytes");
        }
    }

    private static final class Counted extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long read;

        Counted(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > limit) {
                throw new TooLarge(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
