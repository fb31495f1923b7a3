package org.serialtracking.transaction.control;

import org.serialtracking.item.entity.SerialState;
import org.serialtracking.platform.control.SqlArrays;
import org.serialtracking.serial.SerialStatus;
import org.serialtracking.transaction.DocumentType;
import org.serialtracking.transaction.LineRole;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The SQL of cancelling a posted document, set-wise like posting. */
public class CancellationRepository {

    /** The document, locked FOR UPDATE: one cancellation at a time. */
    public record Head(long id, DocumentType type, String number, boolean cancelled) {
    }

    /** A line of the document, with what it moved and how ({@code movement}). */
    public record Line(long id, int lineNo, ItemFacts item, LocationFacts location, LocationFacts toLocation,
                       BigDecimal quantity, LineRole role, Movement movement) {
    }

    /** A serial the document moved, locked FOR UPDATE, as it is now. */
    public record Moved(long id, String serial, long lineId, SerialStatus status, Long locationId,
                        Long lastTransactionId) {
    }

    private final Connection c;

    public CancellationRepository(Connection connection) {
        this.c = connection;
    }

    public Head lockDocument(long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select id, type, number, cancelled_at is not null "
                + "from inventory_transaction where id = ? for update")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Head(rs.getLong(1), DocumentType.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getBoolean(4)) : null;
            }
        }
    }

    /** The document's lines, their items share-locked in id order (as a posting does). */
    public List<Line> lines(Head head) throws SQLException {
        long transactionId = head.id();
        try (PreparedStatement lock = c.prepareStatement("select i.id from item i where i.id in "
                + "(select item_id from transaction_line where transaction_id = ?) order by i.id for share")) {
            lock.setLong(1, transactionId);
            lock.executeQuery().close();
        }
        List<Line> lines = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select l.id, l.line_no, i.id, i.sku, i.track_serials, "
                + "i.serial_state, f.id, f.code, fc.code, t.id, t.code, tc.code, l.quantity, l.role "
                + "from transaction_line l join item i on i.id = l.item_id "
                + "join location f on f.id = l.location_id join company fc on fc.id = f.company_id "
                + "left join location t on t.id = l.to_location_id left join company tc on tc.id = t.company_id "
                + "where l.transaction_id = ? order by l.line_no")) {
            ps.setLong(1, transactionId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long to = rs.getLong(10);
                    LocationFacts toLocation = rs.wasNull() ? null
                            : new LocationFacts(to, rs.getString(11), rs.getString(12));
                    LineRole role = rs.getString(14) == null ? null : LineRole.valueOf(rs.getString(14));
                    BigDecimal quantity = rs.getBigDecimal(13);
                    lines.add(new Line(rs.getLong(1), rs.getInt(2),
                            new ItemFacts(rs.getLong(3), rs.getString(4), rs.getBoolean(5),
                                    SerialState.valueOf(rs.getString(6))),
                            new LocationFacts(rs.getLong(7), rs.getString(8), rs.getString(9)), toLocation,
                            quantity, role, Movement.of(head.type(), role, quantity)));
                }
            }
        }
        return lines;
    }

    /** The serials the document moved (one row each), locked FOR UPDATE in id order. */
    public List<Moved> lockMoved(long transactionId) throws SQLException {
        List<Moved> moved = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select s.id, s.serial, h.line_id, s.status, s.location_id, "
                + "s.last_transaction_id from serial s join serial_history h on h.serial_id = s.id "
                + "where h.transaction_id = ? and not h.reversal and h.type <> 'MOVEIN' order by s.id for update of s")) {
            ps.setLong(1, transactionId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long loc = rs.getLong(5);
                    Long location = rs.wasNull() ? null : loc;
                    long last = rs.getLong(6);
                    moved.add(new Moved(rs.getLong(1), rs.getString(2), rs.getLong(3),
                            SerialStatus.valueOf(rs.getString(4)), location, rs.wasNull() ? null : last));
                }
            }
        }
        return moved;
    }

    /** Of these serials, the ones that this document brought into the system (no other document names them). */
    public Set<Long> createdBy(long transactionId, long[] serialIds) throws SQLException {
        Set<Long> created = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("select s from unnest(?::bigint[]) s where not exists "
                + "(select 1 from serial_history h where h.serial_id = s and h.transaction_id <> ?)")) {
            ps.setArray(1, SqlArrays.longs(c, serialIds));
            ps.setLong(2, transactionId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    created.add(rs.getLong(1));
                }
            }
        }
        return created;
    }

    /**
     * Serials that never existed without this document: they go, with their history, in one
     * statement (history is deleted only together with its serial, migration V9).
     */
    public void deleteSerials(long[] serialIds) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("with h as (delete from serial_history where serial_id = any(?)) "
                + "delete from serial where id = any(?)")) {
            ps.setArray(1, SqlArrays.longs(c, serialIds));
            ps.setArray(2, SqlArrays.longs(c, serialIds));
            ps.executeUpdate();
        }
    }

    /**
     * Points each serial's last document back to the latest document still in force that moved it,
     * so that document can be cancelled in its turn.
     */
    public void restoreLastTransaction(long[] serialIds, long cancelledId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update serial s set last_transaction_id = (select h.transaction_id "
                + "from serial_history h join inventory_transaction t on t.id = h.transaction_id "
                + "where h.serial_id = s.id and h.transaction_id <> ? and t.cancelled_at is null and not h.reversal "
                + "order by h.id desc limit 1) where s.id = any(?)")) {
            ps.setLong(1, cancelledId);
            ps.setArray(2, SqlArrays.longs(c, serialIds));
            ps.executeUpdate();
        }
    }

    /**
     * Keeps what the document moved (migration V19's cancelled_movement), before the cancellation
     * deletes the serials it brought in and the links it made, and gives back the links it ended:
     * the EPCIS feed still shows its events, and re-issues them with an error declaration.
     */
    public void keepMovement(long transactionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into cancelled_movement (transaction_id, line_id, "
                + "history_id, serial, serial_key, item_id, unit_id, unit_serial, unit_item_id) "
                + "select transaction_id, line_id, history_id, serial, serial_key, item_id, unit_id, unit_serial, "
                + "unit_item_id from document_movement where transaction_id = ?")) {
            ps.setLong(1, transactionId);
            ps.executeUpdate();
        }
    }

    /**
     * Marks the document cancelled, with the cancelling transaction's id in the same statement: the
     * EPCIS feed serves the cancellation's error declarations at that place in its order (V19).
     */
    public void markCancelled(long transactionId, String user) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update inventory_transaction set cancelled_at = now(), "
                + "cancelled_by = ?, cancelled_xid = pg_current_xact_id() where id = ?")) {
            ps.setString(1, user);
            ps.setLong(2, transactionId);
            ps.executeUpdate();
        }
    }

    /** The numbers of documents, in the order of {@code ids}. */
    public List<String> numbersOf(Collection<Long> ids) throws SQLException {
        List<String> numbers = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select t.number from unnest(?::bigint[]) with ordinality u(id, n) "
                + "join inventory_transaction t on t.id = u.id order by u.n")) {
            ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    numbers.add(rs.getString(1));
                }
            }
        }
        return numbers;
    }

    public static Map<Long, List<Moved>> byLine(List<Moved> moved) {
        Map<Long, List<Moved>> result = new HashMap<>();
        for (Moved m : moved) {
            result.computeIfAbsent(m.lineId(), k -> new ArrayList<>()).add(m);
        }
        return result;
    }
}
