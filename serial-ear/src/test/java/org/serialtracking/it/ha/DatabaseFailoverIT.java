package org.serialtracking.it.ha;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

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

    @Test
    void everyPostingAClientSawCommittedSurvivesTheFailoverOnceAndTheLedgerAgrees() throws Exception {
        String prefix = "FO-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        PostingClients clients = new PostingClients(server.base());
        String[] site = clients.warehouseAndItem(prefix);
        String[] failover = new String[1];

        PostingClients.Outcome o = clients.run(prefix, site[0], site[1], CLIENTS, Duration.ofSeconds(6),
                () -> failover[0] = Scripts.ci("pg-pair", "failover", PAIR), Duration.ofSeconds(20));

        System.out.printf("failover: %d postings seen before the kill, %d in all; %d failed answers over %.1f s "
                        + "(from the first to the last); %d left unknown%n%s%n", o.seenBeforeFault(), o.seenPosted().size(),
                o.failedAnswers(), o.failingSeconds(), o.unknown().size(), failover[0].trim());
        assertThat(o.seenBeforeFault()).as("postings before the failover").isGreaterThan(10);
        assertThat(o.seenPosted().size()).as("postings after the failover too").isGreaterThan(o.seenBeforeFault() + 10);
        assertThat(o.unknown()).as("postings whose fate no retry could learn").isEmpty();
        assertThat(o.failingSeconds()).as("seconds of failed answers").isLessThan(60);
        // on the new primary
        Ledger.holdsExactly(JDBC, SCHEMA, prefix, site[1], o.seenPosted(), clients);
    }
}
