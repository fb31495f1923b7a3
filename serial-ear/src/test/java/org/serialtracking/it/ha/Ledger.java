package org.serialtracking.it.ha;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What the database holds of a run of {@link PostingClients}, checked against what its clients saw. */
final class Ledger {

    private Ledger() {
    }

    /**
     * Every receipt a client saw posted is in {@code schema} exactly once, nothing else of the run is,
     * and as many of the run's serials are in stock; then the server's own consistency check.
     */
    static void holdsExactly(String jdbcUrl, String schema, String prefix, String sku, Set<String> seenPosted,
                             PostingClients server) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            Map<String, Integer> documents = new HashMap<>();
            try (PreparedStatement ps = db.prepareStatement("select t.reference, count(distinct t.id) from " + schema
                    + ".inventory_transaction t where t.reference like ? group by t.reference")) {
                ps.setString(1, prefix + "-%");
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        documents.put(rs.getString(1), rs.getInt(2));
                    }
                }
            }
            assertThat(documents.values()).as("documents per idempotency key").allMatch(n -> n == 1);
            assertThat(documents.keySet()).as("documents in the database").containsExactlyInAnyOrderElementsOf(seenPosted);
            try (PreparedStatement ps = db.prepareStatement("select count(*) from " + schema + ".serial s join "
                    + schema + ".item i on i.id = s.item_id where i.sku = ? and s.status = 'IN_STOCK'")) {
                ps.setString(1, sku);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("serials in stock").isEqualTo(seenPosted.size());
                }
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        var onHand = server.send("viewer", "GET", "/api/items/" + sku, null, null);
        PostingClients.expect(onHand, 200);
        assertThat(onHand.body()).contains("\"quantity\":" + seenPosted.size());
        var check = server.send("admin", "GET", "/api/admin/consistency", null, null);
        PostingClients.expect(check, 200);
        assertThat(check.body()).contains("\"consistent\":true");
    }
}
