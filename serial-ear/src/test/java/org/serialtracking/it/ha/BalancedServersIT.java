package org.serialtracking.it.ha;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several servers behind a real load balancer (issue 16): two servers of their own on the test
 * database, and Debian's haproxy in front of them (.ci/balancer), health-checked on /health/ready.
 * API clients post through the balancer, each retrying with its Idempotency-Key; one server is
 * killed (kill -9) while they post. The balancer takes it out, the postings go on on the other, and
 * every receipt a client saw posted is there exactly once.
 */
class BalancedServersIT {

    private static final int FRONT = Integer.getInteger("it.balancer.port", 9086);
    private static final String BALANCER = Scripts.TARGET.resolve("balancer").toString();
    private static final String SCHEMA = System.getProperty("it.db.schema", "serial_it");
    private static final String JDBC = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private static LibertyServer one;
    private static LibertyServer two;

    @BeforeAll
    static void serversAndBalancer() {
        Map<String, String> database = Map.of("SERIAL_DB_SCHEMA", SCHEMA);
        one = LibertyServer.start("serial-lb1", 9084, database);
        two = LibertyServer.start("serial-lb2", 9085, database);
        Scripts.ci("balancer", "start", BALANCER, Integer.toString(FRONT), "9084", "9085");
        Scripts.ci("balancer", "wait-up", BALANCER, "2", "60");
    }

    @AfterAll
    static void stopAll() {
        try {
            Scripts.ci("balancer", "stop", BALANCER);
        } finally {
            if (one != null) {
                one.close();
            }
            if (two != null) {
                two.close();
            }
        }
    }

    @Test
    void aServerKilledUnderPostingClientsLosesNothingAndPostsNothingTwice() throws Exception {
        String prefix = "LB-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        PostingClients clients = new PostingClients("http://localhost:" + FRONT + "/serial");
        String[] site = clients.warehouseAndItem(prefix);
        long[] killedAt = new long[1];

        PostingClients.Outcome o = clients.run(prefix, site[0], site[1], 4, Duration.ofSeconds(6), () -> {
            one.kill();
            killedAt[0] = System.currentTimeMillis();
            Scripts.ci("balancer", "wait-down", BALANCER, "9084", "30");
        }, Duration.ofSeconds(10));
        String state = Scripts.ci("balancer", "status", BALANCER);

        System.out.printf("balancer: %d postings seen before the kill, %d in all; %d failed answers over %.1f s; "
                        + "%d left unknown; backends after:%n%s%n", o.seenBeforeFault(), o.seenPosted().size(),
                o.failedAnswers(), o.failingSeconds(), o.unknown().size(), state.trim());
        assertThat(o.seenBeforeFault()).as("postings before the kill").isGreaterThan(10);
        assertThat(o.seenPosted().size()).as("postings after the kill too").isGreaterThan(o.seenBeforeFault() + 10);
        assertThat(o.unknown()).isEmpty();
        assertThat(state).contains("127.0.0.1:9084 DOWN").contains("127.0.0.1:9085 UP");
        Ledger.holdsExactly(JDBC, SCHEMA, prefix, site[1], o.seenPosted(), clients);
    }
}
