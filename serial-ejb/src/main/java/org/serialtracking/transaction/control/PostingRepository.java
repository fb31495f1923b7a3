package org.serialtracking.transaction.control;

import org.serialtracking.gs1.Gtin;
import org.serialtracking.item.entity.SerialState;
import org.serialtracking.party.PartyKind;
import org.serialtracking.platform.control.DatabaseRefusal;
import org.serialtracking.platform.control.OneRoundTrip;
import org.serialtracking.platform.control.SqlArrays;
import org.serialtracking.serial.HistoryType;
import org.serialtracking.serial.SerialNumber;
import org.serialtracking.serial.SerialStatus;
import org.serialtracking.transaction.DocumentType;
import org.serialtracking.serial.SerialAttributes;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SQL of posting, set-wise: every statement handles all serials of a line (or a document) in
 * one round trip through arrays ({@code unnest(?)}, {@code = any(?)}), whatever the count.
 * Locks are taken in one order everywhere (settings, items, serials by id, stock by item and
 * location in {@code StockRepository}, document counter) so that concurrent documents wait for each
 * other instead of deadlocking.
 */
public class PostingRepository {

    private final Connection c;

    public PostingRepository(Connection connection) {
        this.c = connection;
    }

    /** The platform's switches, share-locked: turning tracking off waits for this posting. */
    public Switches lockSettings() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select serial_tracking, auto_serial_number from settings where id = 1 for share");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new Switches(rs.getBoolean(1), rs.getBoolean(2));
        }
    }

    public record Switches(boolean serialTracking, boolean autoSerialNumber) {
    }

    /** Items by SKU, share-locked so that their tracking state cannot change under this posting. */
    public Map<String, ItemFacts> lockItems(Collection<String> skus) throws SQLException {
        Map<String, ItemFacts> result = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select id, sku, track_serials, serial_state, case when auto_serial_number then auto_serial_format end, "
                        + "gtin from item where sku = any(?) order by id for share")) {
            ps.setArray(1, SqlArrays.texts(c, skus));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.put(rs.getString(2), new ItemFacts(rs.getLong(1), rs.getString(2), rs.getBoolean(3),
                            SerialState.valueOf(rs.getString(4)), rs.getString(5),
                            rs.getString(6) == null ? null : Gtin.of(rs.getString(6))));
                }
            }
        }
        return result;
    }

    public Map<String, LocationFacts> locations(Collection<String> codes) throws SQLException {
        Map<String, LocationFacts> result = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select l.id, l.code, c.code from location l "
                + "join company c on c.id = l.company_id where l.code = any(?)")) {
            ps.setArray(1, SqlArrays.texts(c, codes));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.put(rs.getString(2), new LocationFacts(rs.getLong(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
        return result;
    }

    /** The header, with a provisional number until {@link #assignNumber} (numbers are taken last). */
    public Header insertHeader(DocumentType type, String reference, String user, PartyFacts party, String rma)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into inventory_transaction "
                + "(id, type, number, reference, posted_by, party_id, party_kind, rma) "
                + "select n, ?, 'PENDING-' || n, ?, ?, ?, ?, ? from nextval('inventory_transaction_id_seq') n "
                + "returning id, posted_at")) {
            ps.setString(1, type.name());
            ps.setString(2, reference);
            ps.setString(3, user);
            ps.setObject(4, party == null ? null : party.id(), Types.BIGINT);
            ps.setString(5, party == null ? null : party.kind().name());
            ps.setString(6, rma);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Header(rs.getLong(1), rs.getObject(2, OffsetDateTime.class));
            }
        }
    }

    public record Header(long id, OffsetDateTime postedAt) {
    }

    /** A party a document names, as stored. */
    public record PartyFacts(long id, PartyKind kind, String code) {
    }

    /** The party of this kind and code, if it exists. */
    public Optional<PartyFacts> party(PartyRef ref) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select id from party where kind = ? and code = ?")) {
            ps.setString(1, ref.kind().name());
            ps.setString(2, ref.code());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new PartyFacts(rs.getLong(1), ref.kind(), ref.code())) : Optional.empty();
            }
        }
    }

    /** Inserts the lines; returns line number to line id. */
    public Map<Integer, Long> insertLines(long transactionId, List<ResolvedLine> lines, List<String> reasons)
            throws SQLException {
        int n = lines.size();
        Integer[] lineNos = new Integer[n];
        Long[] items = new Long[n];
        Long[] locations = new Long[n];
        Long[] toLocations = new Long[n];
        BigDecimal[] quantities = new BigDecimal[n];
        String[] roles = new String[n];
        String[] why = reasons.toArray(new String[0]);
        for (int i = 0; i < n; i++) {
            ResolvedLine l = lines.get(i);
            lineNos[i] = l.lineNo();
            items[i] = l.item().id();
            locations[i] = l.location().id();
            toLocations[i] = l.toLocation() == null ? null : l.toLocation().id();
            quantities[i] = l.quantity();
            roles[i] = l.role() == null ? null : l.role().name();
        }
        Map<Integer, Long> ids = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("insert into transaction_line "
                + "(transaction_id, line_no, item_id, location_id, to_location_id, quantity, role, reason) "
                + "select ?, u.* from unnest(?::int[], ?::bigint[], ?::bigint[], ?::bigint[], ?::numeric[], ?::text[], "
                + "?::text[]) as u returning line_no, id")) {
            ps.setLong(1, transactionId);
            ps.setArray(2, c.createArrayOf("int4", lineNos));
            ps.setArray(3, c.createArrayOf("int8", items));
            ps.setArray(4, c.createArrayOf("int8", locations));
            ps.setArray(5, c.createArrayOf("int8", toLocations));
            ps.setArray(6, c.createArrayOf("numeric", quantities));
            ps.setArray(7, c.createArrayOf("text", roles));
            ps.setArray(8, c.createArrayOf("text", why));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.put(rs.getInt(1), rs.getLong(2));
                }
            }
        }
        return ids;
    }

    /**
     * The serial rows with the given keys ({@link SerialNumber#key}), locked FOR UPDATE in id order.
     * A concurrent document naming the same serials waits here until this one ends, then sees its
     * outcome; locking in id order keeps two such documents from deadlocking.
     */
    public List<ExistingSerial> lockExisting(Collection<String> keys) throws SQLException {
        List<ExistingSerial> result = new ArrayList<>();
        if (keys.isEmpty()) {
            return result;
        }
        try (PreparedStatement ps = c.prepareStatement("select s.id, s.serial, s.serial_key, s.item_id, s.status, "
                + "s.location_id, (select t.party_id from inventory_transaction t where t.id = s.last_transaction_id "
                + "and t.type = 'SHIPMENT' and s.status = 'SHIPPED'), s.lot, s.expiry "
                + "from serial s where s.serial_key in (select v from unnest(?::text[]) v) "
                + "order by s.id for update of s")) {
            ps.setArray(1, SqlArrays.texts(c, keys));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Long loc = rs.getObject(6) == null ? null : rs.getLong(6);
                    Long shippedTo = rs.getObject(7) == null ? null : rs.getLong(7);
                    result.add(new ExistingSerial(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                            SerialStatus.valueOf(rs.getString(5)), loc, shippedTo,
                            new SerialAttributes(rs.getString(8), rs.getObject(9, LocalDate.class))));
                }
            }
        }
        return result;
    }

    /**
     * Where a line's new serials go: IN_STOCK at a location, with one history row each;
     * {@code attributes} the lot and expiry of some of them, by serial key.
     */
    public record NewSerials(long itemId, long locationId, long transactionId, long lineId, HistoryType type,
                             String user, Map<String, SerialAttributes> attributes) {
    }

    /**
     * The serial rows of {@link NewSerials}, in the order given (parameters 1 to 6: the lots' and
     * expiries' arrays are null when the line gives none, and unnest pads them with nulls).
     */
    private static final String INSERT_SERIALS = "insert into serial "
            + "(serial, item_id, status, location_id, received_at, last_transaction_id, lot, expiry) "
            + "select v, ?, 'IN_STOCK', ?, now(), ?, lot, expiry "
            + "from unnest(?::text[], ?::text[], ?::text[]::date[]) with ordinality as u(v, lot, expiry, ord) order by ord";
    /** Their history rows, one per row of {@code s} (parameters 7 to 11). */
    private static final String INSERT_HISTORY = "insert into serial_history "
            + "(serial_id, transaction_id, line_id, type, quantity, location_id, at, username) "
            + "select s.id, ?, ?, ?, 1, ?, now(), ? from s";

    private PreparedStatement newSerials(String sql, NewSerials into, List<String> values) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        ps.setLong(1, into.itemId());
        ps.setLong(2, into.locationId());
        ps.setLong(3, into.transactionId());
        ps.setArray(4, SqlArrays.texts(c, values));
        if (into.attributes().isEmpty()) {
            ps.setNull(5, Types.ARRAY);
            ps.setNull(6, Types.ARRAY);
        } else {
            String[] lots = new String[values.size()];
            String[] expiries = new String[values.size()];
            for (int i = 0; i < values.size(); i++) {
                SerialAttributes a = into.attributes().get(SerialNumber.keyOf(values.get(i)));
                lots[i] = a == null ? null : a.lot();
                expiries[i] = a == null || a.expiry() == null ? null : a.expiry().toString();
            }
            ps.setArray(5, c.createArrayOf("text", lots));
            ps.setArray(6, c.createArrayOf("text", expiries));
        }
        ps.setLong(7, into.transactionId());
        ps.setLong(8, into.lineId());
        ps.setString(9, into.type().name());
        ps.setLong(10, into.locationId());
        ps.setString(11, into.user());
        return ps;
    }

    /**
     * Inserts new serials, each with its history row, in one statement (the database checks every
     * serial against its history when the statement ends). A serial that a concurrent document
     * inserted first is skipped (ON CONFLICT DO NOTHING, after waiting for that document's outcome);
     * the caller compares what came back with what it asked for. Values should come sorted by key so
     * that two documents insert overlapping serials in the same order.
     *
     * @return stored serial value to id, for the rows inserted
     */
    public Map<String, Long> insertNew(NewSerials into, List<String> values) throws SQLException {
        Map<String, Long> ids = new HashMap<>(values.size() * 2);
        try (PreparedStatement ps = newSerials("with s as (" + INSERT_SERIALS
                + " on conflict (serial_key) do nothing returning serial, id), h as (" + INSERT_HISTORY + ") "
                + "select serial, id from s", into, values);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.put(rs.getString(1), rs.getLong(2));
            }
        }
        return ids;
    }

    /**
     * The common case of {@link #insertNew}: every serial is new, so the serials and their history
     * rows are written without sending the new ids back. A plain INSERT (no ON CONFLICT arbiter to probe for each
     * row) inside a savepoint: when a concurrent document inserted one of these serials first, the
     * unique key refuses the statement, the savepoint undoes it, and the caller takes the slow path,
     * which finds out which serials were lost.
     *
     * @return false, having changed nothing, when one of the serials exists already
     */
    public boolean insertAllNew(NewSerials into, List<String> values) throws SQLException {
        // savepoint, insert and release in one round trip (the stock rows are locked meanwhile)
        try (PreparedStatement ps = newSerials(OneRoundTrip.of("savepoint new_serials",
                "with s as (" + INSERT_SERIALS + " returning id) " + INSERT_HISTORY, "release savepoint new_serials"),
                into, values)) {
            OneRoundTrip.run(ps);
        } catch (SQLException e) {
            if (DatabaseRefusal.kind(e) == DatabaseRefusal.Kind.DUPLICATE) {
                execute("rollback to savepoint new_serials");
                return false;
            }
            throw e;
        }
        return true;
    }

    private void execute(String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.execute();
        }
    }

    /**
     * Sets status and location of serials already locked by {@link #lockExisting} and writes their
     * history rows (one or two per serial, in the order given) in the same statement: the database
     * checks, when the statement ends, that every serial agrees with its history and made an
     * allowed transition (migration V9). A reversal row undoes the row of the same type and line.
     */
    public void changeSerials(long[] ids, SerialStatus status, Long locationId, long transactionId, boolean received,
                              long lineId, String user, boolean reversal, HistoryRow... rows) throws SQLException {
        if (ids.length == 0) {
            return;
        }
        String[] types = new String[rows.length];
        Integer[] quantities = new Integer[rows.length];
        Long[] locations = new Long[rows.length];
        for (int i = 0; i < rows.length; i++) {
            types[i] = rows[i].type().name();
            quantities[i] = rows[i].quantity();
            locations[i] = rows[i].locationId();
        }
        try (PreparedStatement ps = c.prepareStatement("with changed as (update serial set status = ?, "
                + "location_id = ?, last_transaction_id = ?" + (received ? ", received_at = now()" : "")
                + " where id = any(?) returning id) "
                + "insert into serial_history (serial_id, transaction_id, line_id, type, quantity, location_id, at, "
                + "username, reversal) select changed.id, ?, ?, r.type, r.quantity, r.location_id, now(), ?, ? "
                + "from changed cross join unnest(?::text[], ?::int[], ?::bigint[]) with ordinality "
                + "as r(type, quantity, location_id, ord) order by changed.id, r.ord")) {
            ps.setString(1, status.name());
            if (locationId == null) {
                ps.setNull(2, java.sql.Types.BIGINT);
            } else {
                ps.setLong(2, locationId);
            }
            ps.setLong(3, transactionId);
            ps.setArray(4, SqlArrays.longs(c, ids));
            ps.setLong(5, transactionId);
            ps.setLong(6, lineId);
            ps.setString(7, user);
            ps.setBoolean(8, reversal);
            ps.setArray(9, c.createArrayOf("text", types));
            ps.setArray(10, c.createArrayOf("int4", quantities));
            ps.setArray(11, c.createArrayOf("int8", locations));
            ps.executeUpdate();
        }
    }

    /**
     * Gives the document its number, last, so that the per-type counter row is locked only for the
     * end of the transaction; numbers have no gaps because a failed posting rolls its number back.
     * Queued on {@code last}, the round trip that ends the document.
     *
     * @return where the number will be in what {@code last.send()} returns
     */
    public static int assignNumber(OneRoundTrip last, long transactionId, DocumentType type) {
        return last.add("with n as (update document_counter "
                + "set last_value = last_value + 1 where type = ? returning prefix, last_value) "
                + "update inventory_transaction t set number = n.prefix || '-' || "
                + "case when n.last_value < 1000000 then lpad(n.last_value::text, 6, '0') else n.last_value::text end "
                + "from n where t.id = ? returning t.number", type.name(), transactionId);
    }
}
