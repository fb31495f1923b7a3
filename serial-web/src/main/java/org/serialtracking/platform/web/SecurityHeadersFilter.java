package org.serialtracking.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.serialtracking.platform.control.ServerSetting;

import java.io.IOException;
import java.util.logging.Logger;

/**
 * Security headers on every response of the application, API and screens alike: no framing (or
 * only by the portal origins an operator names, {@link FramePolicy}), no content sniffing, no
 * referrer leaks, scripts and styles only from this origin, and no caching of inventory data by
 * browsers or proxies.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeadersFilter extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(SecurityHeadersFilter.class.getName());

    private FramePolicy frames = FramePolicy.NOBODY;

    @Override
    public void init() {
        frames = FramePolicy.of(ServerSetting.text("serial/frameAncestors"));
        if (!frames.refused().isEmpty()) {
            LOG.warning(() -> "SERIAL_FRAME_ANCESTORS: not an http(s) origin, left out: " + frames.refused());
        }
        if (!frames.origins().isEmpty()) {
            LOG.info(() -> "Pages may be framed by " + frames.origins());
        }
    }

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!request.getRequestURI().endsWith(".xhtml")) {
            // Faces pages get theirs from PrimeFaces (web.xml primefaces.CSP_POLICY): the same
            // policy, with a fresh nonce per page for the scripts PrimeFaces writes into it
            response.setHeader("Content-Security-Policy", frames.applyTo(CONTENT_SECURITY_POLICY));
        }
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setHeader("Cache-Control", "no-store");
        }
        if (frames.origins().isEmpty()) {
            response.setHeader("X-Frame-Options", "DENY");
            chain.doFilter(request, response);
        } else {
            // X-Frame-Options cannot name several origins, and browsers obey frame-ancestors
            // instead of it; PrimeFaces writes the screens' policy itself, so it is rewritten on its way out
            chain.doFilter(request, new FramedResponse(response, frames));
        }
    }

    /** Gives the portal's origins to the Content-Security-Policy that PrimeFaces sets on a screen. */
    private static final class FramedResponse extends HttpServletResponseWrapper {
        private final FramePolicy frames;

        FramedResponse(HttpServletResponse response, FramePolicy frames) {
            super(response);
            this.frames = frames;
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, policy(name, value));
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, policy(name, value));
        }

        private String policy(String name, String value) {
            return "Content-Security-Policy".equalsIgnoreCase(name) && value != null ? frames.applyTo(value) : value;
        }
    }
}
