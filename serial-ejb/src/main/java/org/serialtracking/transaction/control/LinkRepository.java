package org.serialtracking.transaction.control;

import org.serialtracking.platform.control.SqlArrays;
import org.serialtracking.serial.SerialStatus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The only writer of {@code serial_link} (migrations V13, V17): a build's or a repair's links are
 * written with it and deleted when it is cancelled; a repair ends the links of what it takes out
 * (kept, marked with the repair) and its cancellation gives them back. Set-wise: one statement for
 * all links of a document.
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

    /** The units with these keys, locked (a repair works on them); absent keys are no serials. */
    public Map<String, Genealogy.Unit> lockUnits(Collection<String> keys) throws SQLException {
        Map<String, Genealogy.Unit> units = new HashMap<>();
        if (keys.isEmpty()) {
            return units;
        }
        try (PreparedStatement ps = c.prepareStatement("select serial_key, serial, status from serial "
                + "where serial_key = any(?::text[]) order by id for update")) {
            ps.setArray(1, SqlArrays.texts(c, List.copyOf(keys)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    units.put(rs.getString(1), new Genealogy.Unit(rs.getString(2), SerialStatus.valueOf(rs.getString(3))));
                }
            }
        }
        return units;
    }

    /** The units each of these components (keys) is inside now, locked; components inside none are absent. */
    public Map<String, List<Genealogy.Unit>> holders(Collection<String> componentKeys) throws SQLException {
        Map<String, List<Genealogy.Unit>> holders = new HashMap<>();
        if (componentKeys.isEmpty()) {
            return holders;
        }
        try (PreparedStatement ps = c.prepareStatement("select cs.serial_key, a.serial, a.status from serial cs "
                + "join serial_link l on l.component_id = cs.id and l.removed_at is null "
                + "join serial a on a.id = l.assembly_id where cs.serial_key = any(?::text[]) "
                + "order by a.id for update of a")) {
            ps.setArray(1, SqlArrays.texts(c, List.copyOf(componentKeys)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    holders.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(
                            new Genealogy.Unit(rs.getString(2), SerialStatus.valueOf(rs.getString(3))));
                }
            }
        }
        return holders;
    }

    /** Ends the links that hold these components (keys) now: a repair took them out. */
    public int end(long transactionId, Collection<String> componentKeys) throws SQLException {
        if (componentKeys.isEmpty()) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement("update serial_link l set removed_by = ?, removed_at = now() "
                + "from serial cs where cs.id = l.component_id and cs.serial_key = any(?::text[]) "
                + "and l.removed_at is null")) {
            ps.setLong(1, transactionId);
            ps.setArray(2, SqlArrays.texts(c, List.copyOf(componentKeys)));
            return ps.executeUpdate();
        }
    }

    /** Gives back the links a repair ended (the repair is being cancelled). */
    public void restoreEndedBy(long transactionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update serial_link set removed_by = null, removed_at = null "
                + "where removed_by = ?")) {
            ps.setLong(1, transactionId);
            ps.executeUpdate();
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
