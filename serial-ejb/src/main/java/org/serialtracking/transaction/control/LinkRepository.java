package org.serialtracking.transaction.control;

import org.serialtracking.platform.control.SqlArrays;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The only writer of {@code serial_link} (migration V13): a build's links are written with it and
 * deleted when it is cancelled. Set-wise: one statement for all links of a document.
 */
public class LinkRepository {

    private final Connection c;

    public LinkRepository(Connection connection) {
        this.c = connection;
    }

    /** Writes the document's links; serials are found by key (the document has just written or locked them). */
    public int insert(long transactionId, List<Genealogy.Link> links) throws SQLException {
        if (links.isEmpty()) {
            return 0;
        }
        String[] components = new String[links.size()];
        String[] assemblies = new String[links.size()];
        Boolean[] exact = new Boolean[links.size()];
        for (int i = 0; i < links.size(); i++) {
            components[i] = links.get(i).componentKey();
            assemblies[i] = links.get(i).assemblyKey();
            exact[i] = links.get(i).exact();
        }
        try (PreparedStatement ps = c.prepareStatement("insert into serial_link "
                + "(transaction_id, component_id, assembly_id, exact) "
                + "select ?, cs.id, a.id, u.exact from unnest(?::text[], ?::text[], ?::boolean[]) as u(ck, ak, exact) "
                + "join serial cs on cs.serial_key = u.ck join serial a on a.serial_key = u.ak")) {
            ps.setLong(1, transactionId);
            ps.setArray(2, SqlArrays.texts(c, List.of(components)));
            ps.setArray(3, SqlArrays.texts(c, List.of(assemblies)));
            ps.setArray(4, c.createArrayOf("boolean", exact));
            int written = ps.executeUpdate();
            if (written != links.size()) {
                throw new IllegalStateException("wrote " + written + " of " + links.size() + " serial links");
            }
            return written;
        }
    }

    /** Deletes the links a document wrote (it is being cancelled). */
    public void deleteOf(long transactionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("delete from serial_link where transaction_id = ?")) {
            ps.setLong(1, transactionId);
            ps.executeUpdate();
        }
    }
}
