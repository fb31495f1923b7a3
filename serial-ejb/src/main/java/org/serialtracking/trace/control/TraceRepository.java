package org.serialtracking.trace.control;

import org.serialtracking.common.Quantities;
import org.serialtracking.platform.control.SqlArrays;
import org.serialtracking.serial.SerialStatus;
import org.serialtracking.trace.TraceNode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A trace in two statements, whatever its depth: a recursive walk over {@code serial_link} with every
 * unit's state, and the untracked materials of the builds met. A unit reached by two paths appears
 * on each (its key is its path).
 */
public class TraceRepository {

    /** Walk down (what an assembly is made of) or up (what a component went into). */
    public enum Direction {
        /** what is inside now, and what was inside before a repair took it out */
        BACKWARD("l.assembly_id = t.id", "l.component_id"),
        /** what it is inside now */
        FORWARD("l.component_id = t.id and l.removed_at is null", "l.assembly_id");

        private final String join;
        private final String next;

        Direction(String join, String next) {
            this.join = join;
            this.next = next;
        }
    }

    /** A unit of the walk: its path key, its parent's, the build that made it (id) and the node without children. */
    public record Row(String key, String parentKey, Long builtById, TraceNode node) {
    }

    private final Connection c;

    public TraceRepository(Connection connection) throws SQLException {
        this.c = connection;
        // without JIT: the recursive walk's estimates pass its threshold, and compiling costs more
        // than the walk of a few units
        try (Statement st = c.createStatement()) {
            st.execute("set local jit = off");
        }
    }

    /** The units of the walk from the serial with this key, nearest first, at most {@code limit}. */
    public List<Row> walk(String serialKey, Direction direction, int limit) throws SQLException {
        String sql = "with recursive tree (id, via, exact, linked_at, removed_by, removed_at, depth, path) as ("
                + "select s.id, null::bigint, null::boolean, null::timestamptz, null::bigint, null::timestamptz, 0, "
                + "array[s.id] from serial s where s.serial_key = ? "
                + "union all "
                + "select " + direction.next + ", l.transaction_id, l.exact, l.linked_at, l.removed_by, l.removed_at, "
                + "t.depth + 1, t.path || " + direction.next
                + " from tree t join serial_link l on " + direction.join
                + " where t.depth < 100 and not " + direction.next + " = any(t.path)) "
                + "select array_to_string(t.path, '.'), s.serial, i.sku, s.status, loc.code, last.number, "
                + "case when s.status = 'SHIPPED' and last.type = 'SHIPMENT' then lp.code end, via.number, t.exact, "
                + "made.id, made.number, got.number, gp.code, t.linked_at, rem.number, t.removed_at "
                + "from tree t join serial s on s.id = t.id join item i on i.id = s.item_id "
                + "left join location loc on loc.id = s.location_id "
                + "left join inventory_transaction last on last.id = s.last_transaction_id "
                + "left join party lp on lp.id = last.party_id "
                + "left join inventory_transaction via on via.id = t.via "
                + "left join inventory_transaction rem on rem.id = t.removed_by "
                + "left join lateral (select h.transaction_id from serial_history h where h.serial_id = s.id "
                + "  and h.type in ('BUILD', 'WORKBUILD') and not h.reversal order by h.id limit 1) b on true "
                + "left join inventory_transaction made on made.id = b.transaction_id "
                + "left join lateral (select h.transaction_id from serial_history h where h.serial_id = s.id "
                + "  and h.type = 'RECEIVE' and not h.reversal order by h.id limit 1) r on true "
                + "left join inventory_transaction got on got.id = r.transaction_id "
                + "left join party gp on gp.id = got.party_id "
                + "order by t.depth, t.removed_at is not null, t.path limit ?";
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, serialKey);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getString(1);
                    int dot = key.lastIndexOf('.');
                    Long made = rs.getObject(10) == null ? null : rs.getLong(10);
                    Boolean exact = rs.getObject(9) == null ? null : rs.getBoolean(9);
                    rows.add(new Row(key, dot < 0 ? null : key.substring(0, dot), made,
                            new TraceNode(rs.getString(2), rs.getString(3), SerialStatus.valueOf(rs.getString(4)),
                                    rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), exact,
                                    rs.getObject(14, OffsetDateTime.class), rs.getString(15),
                                    rs.getObject(16, OffsetDateTime.class), rs.getString(11), rs.getString(12),
                                    rs.getString(13), List.of(), List.of())));
                }
            }
        }
        return rows;
    }

    /**
     * The untracked components of these builds (component lines that carry no serials), by build:
     * a build's output units are traced to them at document level.
     */
    public Map<Long, List<TraceNode.Material>> materials(long[] buildIds) throws SQLException {
        Map<Long, List<TraceNode.Material>> byBuild = new HashMap<>();
        if (buildIds.length == 0) {
            return byBuild;
        }
        try (PreparedStatement ps = c.prepareStatement("select l.transaction_id, i.sku, l.quantity, loc.code, t.number "
                + "from transaction_line l join item i on i.id = l.item_id join location loc on loc.id = l.location_id "
                + "join inventory_transaction t on t.id = l.transaction_id "
                + "where l.transaction_id = any(?) and l.role = 'COMPONENT' and not exists (select 1 from serial_history h "
                + "where h.transaction_id = l.transaction_id and h.line_id = l.id) order by l.transaction_id, l.line_no")) {
            ps.setArray(1, SqlArrays.longs(c, buildIds));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byBuild.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new TraceNode.Material(
                            rs.getString(2), Quantities.plain(rs.getBigDecimal(3)), rs.getString(4), rs.getString(5)));
                }
            }
        }
        return byBuild;
    }
}
