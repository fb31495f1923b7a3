package org.serialtracking.it.ha;

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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Clients that post one-serial receipts continuously while a fault is made, as integrators are told
 * to: each posting carries an Idempotency-Key, and after a failure (503, 502, a broken connection)
 * the very same request is sent again until an answer says it is posted. Each receipt's reference is
 * its key, so the database can be asked afterwards what became of every one.
 */
final class PostingClients {

    /** What the clients saw. */
    record Outcome(Set<String> seenPosted, int seenBeforeFault, Set<String> unknown, int failedAnswers,
                   double failingSeconds) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    PostingClients(String base) {
        this.base = base;
    }

    HttpResponse<String> send(String user, String method, String path, String body, String key)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").header("Accept", "application/json");
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void expect(HttpResponse<String> r, int... codes) {
        for (int c : codes) {
            if (r.statusCode() == c) {
                return;
            }
        }
        throw new AssertionError("HTTP " + r.statusCode() + ": " + r.body());
    }

    /** A company, a location and a tracked item of this run (codes with {@code prefix}); returns {location, sku}. */
    String[] warehouseAndItem(String prefix) throws IOException, InterruptedException {
        expect(send("admin", "PUT", "/api/settings", "{\"serialTracking\":true,\"autoSerialNumber\":false}", null), 200);
        expect(send("admin", "POST", "/api/companies", "{\"code\":\"" + prefix + "-CO\",\"name\":\"HA\"}", null), 201);
        expect(send("admin", "POST", "/api/locations", "{\"code\":\"" + prefix + "-WH\",\"name\":\"HA\",\"company\":\""
                + prefix + "-CO\"}", null), 201);
        expect(send("admin", "POST", "/api/items", "{\"sku\":\"" + prefix + "-SKU\",\"name\":\"HA pump\","
                + "\"trackSerials\":true}", null), 201);
        return new String[]{prefix + "-WH", prefix + "-SKU"};
    }

    /**
     * {@code clients} clients post receipts of {@code sku} at {@code wh} (serials and keys named
     * {@code prefix-client-n}) for {@code before}, then {@code fault} runs, and they go on for
     * {@code after}; a posting still without an answer a minute after that is left unknown.
     */
    Outcome run(String prefix, String wh, String sku, int clients, Duration before, Runnable fault, Duration after)
            throws Exception {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        Set<String> unknown = ConcurrentHashMap.newKeySet();
        AtomicInteger failures = new AtomicInteger();
        AtomicLong firstFailure = new AtomicLong();
        AtomicLong lastFailure = new AtomicLong();
        long faultAt = System.currentTimeMillis() + before.toMillis();
        long stopAt = faultAt + after.toMillis();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            running.add(pool.submit(() -> {
                for (int n = 0; System.currentTimeMillis() < stopAt; n++) {
                    String key = prefix + "-" + client + "-" + n;
                    String body = "{\"type\":\"RECEIPT\",\"reference\":\"" + key + "\",\"lines\":[{\"sku\":\"" + sku
                            + "\",\"location\":\"" + wh + "\",\"quantity\":1,\"serials\":[\"" + key + "\"]}]}";
                    while (true) {
                        try {
                            HttpResponse<String> r = send("clerk", "POST", "/api/transactions", body, key);
                            if (r.statusCode() == 201 || r.statusCode() == 200) {
                                seen.add(key);
                                break;
                            }
                            if (r.statusCode() != 503 && r.statusCode() != 502 && r.statusCode() != 500) {
                                throw new AssertionError("a posting refused with " + r.statusCode() + ": " + r.body());
                            }
                        } catch (IOException lost) {
                            // the connection broke: the posting may or may not have been saved
                        }
                        long now = System.currentTimeMillis();
                        failures.incrementAndGet();
                        firstFailure.compareAndSet(0, now);
                        lastFailure.accumulateAndGet(now, Math::max);
                        if (now > stopAt + 60_000) {
                            unknown.add(key);
                            break;
                        }
                        Thread.sleep(100);
                    }
                }
                return null;
            }));
        }
        Thread.sleep(Math.max(0, faultAt - System.currentTimeMillis()));
        int beforeFault = seen.size();
        fault.run();
        for (Future<?> f : running) {
            f.get(3, TimeUnit.MINUTES);
        }
        pool.shutdown();
        double failing = firstFailure.get() == 0 ? 0 : (lastFailure.get() - firstFailure.get()) / 1000.0;
        return new Outcome(seen, beforeFault, unknown, failures.get(), failing);
    }
}
