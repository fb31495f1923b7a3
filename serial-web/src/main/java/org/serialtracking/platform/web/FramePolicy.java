package org.serialtracking.platform.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Who may show our pages in a frame: nobody by default, or the company portal's origins that an
 * operator names in {@code SERIAL_FRAME_ANCESTORS} (space- or comma-separated, e.g.
 * {@code https://portal.example.com https://intranet.example.com:8443}). Each must be a bare
 * http(s) origin: a path, a wildcard or a keyword is refused (named in {@link #refused()}) and left
 * out, so a mistake never opens framing wider than written.
 */
public record FramePolicy(List<String> origins, List<String> refused) {

    public static final FramePolicy NOBODY = new FramePolicy(List.of(), List.of());

    public static FramePolicy of(String configured) {
        if (configured == null || configured.isBlank()) {
            return NOBODY;
        }
        Set<String> origins = new LinkedHashSet<>();
        List<String> refused = new ArrayList<>();
        for (String entry : configured.trim().split("[\\s,]+")) {
            String origin = origin(entry);
            if (origin == null) {
                refused.add(entry);
            } else {
                origins.add(origin);
            }
        }
        return new FramePolicy(List.copyOf(origins), List.copyOf(refused));
    }

    /** The origin as CSP writes it (scheme and host in lower case, a port only when given), or null. */
    private static String origin(String entry) {
        URI uri;
        try {
            uri = new URI(entry.endsWith("/") ? entry.substring(0, entry.length() - 1) : entry);
        } catch (Exception e) {
            return null;
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean bare = uri.getRawUserInfo() == null && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                && uri.getRawQuery() == null && uri.getRawFragment() == null;
        if (!("http".equals(scheme) || "https".equals(scheme)) || uri.getHost() == null || !bare
                || uri.getHost().contains("*")) {
            return null;
        }
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    /** The frame-ancestors directive's sources: {@code 'none'}, or the origins. */
    public String frameAncestors() {
        return origins.isEmpty() ? "'none'" : String.join(" ", origins);
    }

    /** A Content-Security-Policy with its frame-ancestors directive replaced by this policy's. */
    public String applyTo(String contentSecurityPolicy) {
        return contentSecurityPolicy.replace("frame-ancestors 'none'", "frame-ancestors " + frameAncestors());
    }
}
