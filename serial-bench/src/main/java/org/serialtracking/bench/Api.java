package org.serialtracking.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The server's REST API as a client sees it: HTTP/1.1, Basic auth, kept-alive connections. */
final class Api {

    private static final Pattern SERIALS = Pattern.compile("\"serials\"\\s*:\\s*\\[([^\\]]*)\\]");
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
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
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    Reply postJson(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    Reply postMultipart(String path, String field, String filename, byte[] content) throws IOException,
            InterruptedException {
        String boundary = "bench" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, content, tail))));
    }

    /** What a streamed answer held: its status, bytes, and how often a marker occurred in it. */
    record Counted(int status, long bytes, long markers, String head) {
    }

    /**
     * GETs {@code path} and reads the answer as it streams, counting the bytes and the occurrences of
     * {@code marker} (ASCII) without holding the body: for answers larger than the harness's heap.
     */
    Counted count(String path, String marker) throws IOException, InterruptedException {
        HttpResponse<java.io.InputStream> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET()
                .header("Authorization", auth).header("Accept", "*/*").timeout(Duration.ofMinutes(10)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        byte[] m = marker.getBytes(StandardCharsets.US_ASCII);
        byte[] buf = new byte[1 << 16];
        StringBuilder head = new StringBuilder();
        long bytes = 0;
        long found = 0;
        int matched = 0;
        try (java.io.InputStream in = r.body()) {
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
        return new Counted(r.statusCode(), bytes, found, head.toString());
    }

    private Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request.header("Authorization", auth).header("Accept", "*/*")
                .timeout(Duration.ofMinutes(5)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(r.statusCode(), r.body());
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
