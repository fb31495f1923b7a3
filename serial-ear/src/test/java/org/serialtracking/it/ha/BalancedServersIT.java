package org.serialtracking.it.ha;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several servers behind a real load balancer (issue 16): two servers of their own on the test
 * database, and Debian's haproxy in front of them ({@link Cluster}), health-checked on /health/ready.
 * API clients post through the balancer, each retrying with its Idempotency-Key; one server is
 * killed (kill -9) while they post. The balancer takes it out, the postings go on on the other, and
 * every receipt a client saw posted is there exactly once.
 */
class BalancedServersIT {

    private static final String SCHEMA = System.getProperty("it.db.schema", "serial_it");
    private static final String JDBC = "jdbc:postgresql://127.0.0.1:5432/postgres";

    @Test
    void aServerKilledUnderPostingClientsLosesNothingAndPostsNothingTwice() throws Exception {
        Cluster cluster = Cluster.get();
        int victim = Cluster.PORTS.get(0);
        String prefix = "LB-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        // API clients keep no cookie: the balancer spreads their requests over both servers
        PostingClients clients = new PostingClients(cluster.base());
        String[] site = clients.warehouseAndItem(prefix);

        PostingClients.Outcome o;
        String state;
        try {
            o = clients.run(prefix, site[0], site[1], 4, Duration.ofSeconds(6), () -> {
                cluster.server(victim).kill();
                cluster.awaitDown(victim);
            }, Duration.ofSeconds(10));
            state = cluster.status();
        } finally {
            cluster.restore(victim);
        }

        System.out.printf("balancer: %d postings seen before the kill, %d in all; %d failed answers over %.1f s; "
                        + "%d left unknown; backends after:%n%s%n", o.seenBeforeFault(), o.seenPosted().size(),
                o.failedAnswers(), o.failingSeconds(), o.unknown().size(), state.trim());
        assertThat(o.seenBeforeFault()).as("postings before the kill").isGreaterThan(10);
        assertThat(o.seenPosted().size()).as("postings after the kill too").isGreaterThan(o.seenBeforeFault() + 10);
        assertThat(o.unknown()).isEmpty();
        assertThat(state).contains("127.0.0.1:" + victim + " DOWN").contains("127.0.0.1:" + Cluster.PORTS.get(1) + " UP");
        Ledger.holdsExactly(JDBC, SCHEMA, prefix, site[1], o.seenPosted(), clients);
    }
}
