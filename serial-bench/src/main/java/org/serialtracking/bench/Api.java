package org.serialtracking.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's REST API as a client sees it: HTTP/1.1, Basic auth, kept-alive connections.
 * <p>
 * The JDK's blocking {@link HttpURLConnection}, not {@code java.net.http.HttpClient}: the latter
 * hands every exchange between a selector thread and an executor, which cost 0.5 ms of a 2 ms
 * lookup's median on this machine (issue 17, BENCHMARKS.md); what is measured is the server. Its
 * kept-alive connections are pooled per server (./bench raises {@code http.maxConnections} above
 * the number of concurrent clients, so that none is closed after its request).
 */
final class Api {

    private static final Pattern SERIALS = Pattern.compile("\"serials\"\\s*:\\s*\\[([^\\]]*)\\]");
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final String base;
    private final String auth;

    Api(String base, String user) {
        this.base = base;
        this.auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    record Reply(int status, String body) {
        Reply expect(int... codes) {
            for (int c : codes) {
                if (status == c) {
                    return this;
                }
            }
            throw new IllegalStateException("HTTP " + status + ": " + body.substring(0, Math.min(500, body.length())));
        }
    }

    Reply get(String path) throws IOException, InterruptedException {
        return send(path, "GET", null, null);
    }

    Reply postJson(String path, String json) throws IOException, InterruptedException {
        return send(path, "POST", "application/json", List.of(json.getBytes(StandardCharsets.UTF_8)));
    }

    Reply postMultipart(String path, String field, String filename, byte[] content) throws IOException,
            InterruptedException {
        String boundary = "bench" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return send(path, "POST", "multipart/form-data; boundary=" + boundary, List.of(head, content, tail));
    }

    /** What a streamed answer held: its status, bytes, and how often a marker occurred in it. */
    record Counted(int status, long bytes, long markers, String head) {
    }

    /**
     * GETs {@code path} and reads the answer as it streams, counting the bytes and the occurrences of
     * {@code marker} (ASCII) without holding the body: for answers larger than the harness's heap.
     */
    Counted count(String path, String marker) throws IOException, InterruptedException {
        HttpURLConnection r = open(path, "GET", Duration.ofMinutes(10));
        int status = r.getResponseCode();
        byte[] m = marker.getBytes(StandardCharsets.US_ASCII);
        byte[] buf = new byte[1 << 16];
        StringBuilder head = new StringBuilder();
        long bytes = 0;
        long found = 0;
        int matched = 0;
        try (InputStream in = status >= 400 ? r.getErrorStream() : r.getInputStream()) {
            for (int n; (n = in.read(buf)) > 0; ) {
                if (head.length() < 500) {
                    head.append(new String(buf, 0, Math.min(n, 500 - head.length()), StandardCharsets.UTF_8));
                }
                for (int i = 0; i < n; i++) {
                    // the marker has no repeated prefix ("eventID"), so a mismatch restarts at its start
                    matched = buf[i] == m[matched] ? matched + 1 : (buf[i] == m[0] ? 1 : 0);
                    if (matched == m.length) {
                        found++;
                        matched = 0;
                    }
                }
                bytes += n;
            }
        }
        return new Counted(status, bytes, found, head.toString());
    }

    private HttpURLConnection open(String path, String method, Duration timeout) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(base + path).toURL().openConnection();
        c.setRequestMethod(method);
        c.setConnectTimeout(10_000);
        c.setReadTimeout((int) timeout.toMillis());
        c.setRequestProperty("Authorization", auth);
        c.setRequestProperty("Accept", "*/*");
        return c;
    }

    private Reply send(String path, String method, String contentType, List<byte[]> body) throws IOException {
        HttpURLConnection c = open(path, method, Duration.ofMinutes(5));
        if (body != null) {
            c.setRequestProperty("Content-Type", contentType);
            c.setDoOutput(true);
            c.setFixedLengthStreamingMode(body.stream().mapToLong(b -> b.length).sum());
            try (OutputStream out = c.getOutputStream()) {
                for (byte[] b : body) {
                    out.write(b);
                }
            }
        }
        int status = c.getResponseCode();
        // read to the end (also an error's body), so that the connection goes back to the pool
        try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
            return new Reply(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** The serials of every line of a DocumentView, in order. */
    static List<String> serials(String documentJson) {
        List<String> result = new ArrayList<>();
        Matcher lines = SERIALS.matcher(documentJson);
        while (lines.find()) {
            Matcher s = STRING.matcher(lines.group(1));
            while (s.find()) {
                result.add(s.group(1));
            }
        }
        return result;
    }

    /** A JSON string literal (the benchmark's serials need no escaping beyond this). */
    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
