package org.serialtracking.it.ha;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database survives losing its primary (issue 16). A PostgreSQL primary with a synchronous
 * streaming standby (.ci/pg-pair, ports 5433/5434) under a server of its own that reaches them by a
 * multi-host JDBC URL (targetServerType=primary). Clients post receipts continuously, each with an
 * Idempotency-Key that it sends again after a failure until it hears an answer; the primary's
 * postmaster is killed (kill -9) and the standby promoted. Afterwards every receipt a client saw
 * posted is there, none twice, the server found the new primary by itself, and the ledger agrees
 * with itself. The seconds of failed answers are printed (RELIABILITY.md).
 */
class DatabaseFailoverIT {

    private static final int PRIMARY = 5433;
    private static final int STANDBY = 5434;
    private static final String SCHEMA = "serial_failover";
    private static final String PAIR = Scripts.TARGET.resolve("pg-pair").toString();
    private static final String JDBC = "jdbc:postgresql://127.0.0.1:" + PRIMARY + ",127.0.0.1:" + STANDBY
            + "/postgres?targetServerType=primary&hostRecheckSeconds=2&connectTimeout=3&loginTimeout=10"
            + "&socketTimeout=30&tcpKeepAlive=true";
    private static final int CLIENTS = 4;

    private static LibertyServer server;
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void pairAndServer() {
        Scripts.ci("pg-pair", "start", PAIR, Integer.toString(PRIMARY), Integer.toString(STANDBY));
        server = LibertyServer.start("serial-failover", Integer.getInteger("it.failover.http.port", 9083), Map.of(
                "SERIAL_DB_URL", JDBC, "SERIAL_DB_SCHEMA", SCHEMA));
    }

    @AfterAll
    static void stopAll() {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            Scripts.ci("pg-pair", "stop", PAIR);
        }
    }

    private static HttpResponse<String> send(String user, String method, String path, String body, String key)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").header("Accept", "application/json");
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(HttpResponse<String> r, int... codes) {
        for (int c : codes) {
            if (r.statusCode() == c) {
                return;
            }
        }
        throw new AssertionError("HTTP " + r.statusCode() + ": " + r.body());
    }

    @Test
    void everyPostingAClientSawCommittedSurvivesTheFailoverOnceAndTheLedgerAgrees() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String company = "FO-CO-" + suffix;
        String wh = "FO-WH-" + suffix;
        String sku = "FO-SKU-" + suffix;
        expect(send("admin", "PUT", "/api/settings", "{\"serialTracking\":true,\"autoSerialNumber\":false}", null), 200);
        expect(send("admin", "POST", "/api/companies", "{\"code\":\"" + company + "\",\"name\":\"Failover\"}", null), 201);
        expect(send("admin", "POST", "/api/locations", "{\"code\":\"" + wh + "\",\"name\":\"Failover\",\"company\":\""
                + company + "\"}", null), 201);
        expect(send("admin", "POST", "/api/items", "{\"sku\":\"" + sku + "\",\"name\":\"Failover pump\","
                + "\"trackSerials\":true}", null), 201);

        Set<String> seenPosted = ConcurrentHashMap.newKeySet();
        Set<String> unknown = ConcurrentHashMap.newKeySet();
        List<Long> failureMillis = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicLong lastFailure = new AtomicLong();
        AtomicLong firstFailure = new AtomicLong();
        long start = System.currentTimeMillis();
        long failoverAt = start + 6_000;
        long stopAt = failoverAt + 20_000;

        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            running.add(clients.submit(() -> {
                for (int n = 0; System.currentTimeMillis() < stopAt; n++) {
                    String serial = "FO-" + suffix + "-" + client + "-" + n;
                    String key = "FO-" + suffix + "-" + client + "-" + n;
                    String body = "{\"type\":\"RECEIPT\",\"reference\":\"" + key + "\",\"lines\":[{\"sku\":\"" + sku
                            + "\",\"location\":\"" + wh + "\",\"quantity\":1,\"serials\":[\"" + serial + "\"]}]}";
                    // the same request, key and all, until an answer says what became of it
                    while (true) {
                        int status;
                        try {
                            HttpResponse<String> r = send("clerk", "POST", "/api/transactions", body, key);
                            status = r.statusCode();
                            if (status == 201 || status == 200) {
                                seenPosted.add(serial);
                                break;
                            }
                            if (status != 503 && status != 500) {
                                throw new AssertionError("a posting refused with " + status + ": " + r.body());
                            }
                        } catch (IOException lost) {
                            // the connection broke: the posting may or may not have been saved
                        }
                        long now = System.currentTimeMillis();
                        firstFailure.compareAndSet(0, now);
                        lastFailure.accumulateAndGet(now, Math::max);
                        failureMillis.add(now);
                        if (now > stopAt + 60_000) {
                            unknown.add(serial);
                            break;
                        }
                        Thread.sleep(100);
                    }
                }
                return null;
            }));
        }

        Thread.sleep(Math.max(0, failoverAt - System.currentTimeMillis()));
        int beforeFailover = seenPosted.size();
        String failover = Scripts.ci("pg-pair", "failover", PAIR);
        for (Future<?> f : running) {
            f.get(3, TimeUnit.MINUTES);
        }
        clients.shutdown();

        double downtime = firstFailure.get() == 0 ? 0 : (lastFailure.get() - firstFailure.get()) / 1000.0;
        System.out.printf("failover: %d postings seen before the kill, %d in all; %d failed answers over %.1f s "
                        + "(from the first to the last); %d left unknown%n%s%n", beforeFailover, seenPosted.size(),
                failureMillis.size(), downtime, unknown.size(), failover.trim());
        assertThat(beforeFailover).as("postings before the failover").isGreaterThan(10);
        assertThat(seenPosted.size()).as("postings after the failover too").isGreaterThan(beforeFailover + 10);
        assertThat(unknown).as("postings whose fate no retry could learn").isEmpty();
        assertThat(downtime).as("seconds of failed answers").isLessThan(60);

        // on the new primary: every posting a client saw is there, exactly once, and nothing else
        try (Connection db = DriverManager.getConnection(JDBC, "postgres", "")) {
            Map<String, Integer> documents = new java.util.HashMap<>();
            try (PreparedStatement ps = db.prepareStatement("select t.reference, count(distinct t.id) from " + SCHEMA
                    + ".inventory_transaction t where t.reference like ? group by t.reference")) {
                ps.setString(1, "FO-" + suffix + "-%");
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        documents.put(rs.getString(1), rs.getInt(2));
                    }
                }
            }
            assertThat(documents.values()).as("documents per idempotency key").allMatch(n -> n == 1);
            assertThat(documents.keySet()).as("documents on the new primary").containsExactlyInAnyOrderElementsOf(
                    seenPosted);
            try (PreparedStatement ps = db.prepareStatement("select count(*) from " + SCHEMA + ".serial s join "
                    + SCHEMA + ".item i on i.id = s.item_id where i.sku = ? and s.status = 'IN_STOCK'")) {
                ps.setString(1, sku);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("serials in stock").isEqualTo(seenPosted.size());
                }
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        HttpResponse<String> onHand = send("viewer", "GET", "/api/items/" + sku, null, null);
        expect(onHand, 200);
        assertThat(onHand.body()).contains("\"quantity\":" + seenPosted.size());

        HttpResponse<String> check = send("admin", "GET", "/api/admin/consistency", null, null);
        expect(check, 200);
        assertThat(check.body()).contains("\"consistent\":true");
    }
}
