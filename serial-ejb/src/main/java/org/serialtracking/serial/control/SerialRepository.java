package org.serialtracking.serial.control;

import org.serialtracking.common.ErrorCode;
import org.serialtracking.common.RuleViolation;
import org.serialtracking.common.Text;
import org.serialtracking.entry.control.ExportRow;
import org.serialtracking.platform.control.ResultRows;
import org.serialtracking.platform.control.SqlArrays;
import org.serialtracking.serial.HistoryType;
import org.serialtracking.serial.HistoryView;
import org.serialtracking.serial.SerialFilter;
import org.serialtracking.serial.SerialNumber;
import org.serialtracking.serial.SerialStatus;
import org.serialtracking.serial.SerialView;
import org.serialtracking.serial.Warranty;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SQL that reads serials. Lookups go through the case-insensitive key ({@code serial_key});
 * lists are ordered by that key and paged by it (keyset), so a page deep in a long list costs what
 * the first one does.
 */
public class SerialRepository {

    /** A serial where it is: columns 1 to 11 of {@link #view}; a shipped one with the shipment's customer. */
    private static final String COLUMNS = "select s.serial, i.sku, s.status, l.code, c.code, s.serial_key, "
            + "t.number, t.posted_at, case when s.status = 'SHIPPED' and t.type = 'SHIPMENT' "
            + "then (select p.code from party p where p.id = t.party_id) end, s.lot, s.expiry ";
    private static final String FROM = "from serial s join item i on i.id = s.item_id "
            + "left join location l on l.id = s.location_id left join company c on c.id = l.company_id "
            + "left join inventory_transaction t on t.id = s.last_transaction_id ";
    private static final String SELECT = COLUMNS + FROM;
    /** {@link #SELECT} and, as columns 12 to 14, what {@link Warranty#of} needs. */
    private static final String WITH_WARRANTY = COLUMNS + ", i.warranty_days, (select min(h.at) from serial_history h "
            + "join inventory_transaction st on st.id = h.transaction_id where h.serial_id = s.id and h.type = 'SHIP' "
            + "and not h.reversal and st.cancelled_at is null), now() " + FROM;

    private final Connection c;

    public SerialRepository(Connection connection) {
        this.c = connection;
    }

    public Optional<SerialView> find(SerialNumber serial) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + "where s.serial_key = ?")) {
            ps.setString(1, serial.key());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(view(rs)) : Optional.empty();
            }
        }
    }

    /**
     * A serial with its warranty (see {@link Warranty}): its item's days, its first shipment that was
     * not cancelled, as of the database's now. One statement: a lookup is one round trip.
     */
    public Optional<SerialView> findWithWarranty(SerialNumber serial) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(WITH_WARRANTY + "where s.serial_key = ?")) {
            ps.setString(1, serial.key());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Integer days = rs.getObject(12) == null ? null : rs.getInt(12);
                return Optional.of(view(rs).withWarranty(Warranty.of(days, rs.getObject(13, OffsetDateTime.class),
                        rs.getObject(14, OffsetDateTime.class))));
            }
        }
    }

    /** The serial's history, oldest first; empty when the serial does not exist. */
    public Optional<List<HistoryView>> history(SerialNumber serial) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select h.type, h.transaction_id, t.number, h.at, h.quantity, "
                + "l.code, h.username, h.reversal, p.code from serial s "
                + "left join serial_history h on h.serial_id = s.id "
                + "left join inventory_transaction t on t.id = h.transaction_id "
                + "left join party p on p.id = t.party_id "
                + "left join location l on l.id = h.location_id where s.serial_key = ? order by h.id")) {
            ps.setString(1, serial.key());
            List<HistoryView> result = new ArrayList<>();
            boolean found = false;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found = true;
                    if (rs.getString(1) != null) {
                        result.add(new HistoryView(HistoryType.valueOf(rs.getString(1)), rs.getLong(2),
                                rs.getString(3), rs.getObject(4, OffsetDateTime.class), rs.getInt(5), rs.getString(6),
                                rs.getString(7), rs.getBoolean(8), rs.getString(9)));
                    }
                }
            }
            return found ? Optional.of(result) : Optional.empty();
        }
    }

    /** A serial of a list with its key, which pages the list. */
    public record Keyed(SerialView serial, String key) {
    }

    /** Up to {@code limit} serials of the list after {@code fromKey} (from the start when null), in key order. */
    public List<Keyed> list(SerialFilter filter, boolean descending, String fromKey, int limit) throws SQLException {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = filtered(filter, params);
        if (fromKey != null) {
            sql.append(descending ? " and s.serial_key < ?" : " and s.serial_key > ?");
            params.add(fromKey);
        }
        sql.append(descending ? " order by s.serial_key desc limit ?" : " order by s.serial_key limit ?");
        params.add(limit);
        try (PreparedStatement ps = prepare(sql, params)) {
            List<Keyed> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Keyed(view(rs), rs.getString(6)));
                }
            }
            return rows;
        }
    }

    /** What is done with the rows of an export as they stream by. */
    @FunctionalInterface
    public interface RowSink<T> {
        T take(Iterator<ExportRow> rows) throws Exception;
    }

    /**
     * Streams the filtered list in key order to {@code sink}, read through a database cursor (rows
     * are fetched a thousand at a time), so memory stays flat however many serials match.
     */
    public <T> T export(SerialFilter filter, RowSink<T> sink) throws Exception {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = filtered(filter, params).append(" order by s.serial_key");
        try (PreparedStatement ps = prepare(sql, params)) {
            // inside the JTA transaction autocommit is off, so the driver reads through a cursor
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                return sink.take(ResultRows.iterate(rs, r -> new ExportRow(r.getString(1), r.getString(2), r.getString(3),
                        r.getString(4), r.getString(5), r.getString(10), r.getString(11))));
            }
        }
    }

    /** The serials of these that do not exist, each once, as first spelled, in the order given. */
    public List<String> unknown(List<SerialNumber> serials) throws SQLException {
        Map<String, String> spelled = new LinkedHashMap<>();
        serials.forEach(sn -> spelled.putIfAbsent(sn.key(), sn.value()));
        if (spelled.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement ps = c.prepareStatement("select k.key from unnest(?::text[]) with ordinality k(key, n) "
                + "where not exists (select 1 from serial s where s.serial_key = k.key) order by k.n")) {
            ps.setArray(1, SqlArrays.texts(c, spelled.keySet()));
            List<String> unknown = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    unknown.add(spelled.get(rs.getString(1)));
                }
            }
            return unknown;
        }
    }

    /** Refuses with UNKNOWN_SERIAL, naming them, when any of these serials does not exist. */
    public void requireKnown(List<SerialNumber> serials) throws SQLException {
        List<String> named = unknown(serials);
        if (!named.isEmpty()) {
            throw new RuleViolation(ErrorCode.UNKNOWN_SERIAL, named.size() + " serial(s) not known: "
                    + String.join(", ", named.subList(0, Math.min(20, named.size())))
                    + (named.size() > 20 ? " …" : ""), named);
        }
    }

    /** How many serials of an item are in stock at a location (0 for unknown codes). */
    public long countInStock(String sku, String location) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select count(*) from serial s "
                + "where s.item_id = (select id from item where sku = ?) "
                + "and s.location_id = (select id from location where code = ?) and s.status = 'IN_STOCK'")) {
            ps.setString(1, sku);
            ps.setString(2, location);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** FIFO: up to {@code limit} serials in stock at the location, oldest received first, but the excluded keys. */
    public List<String> oldestInStock(String sku, String location, List<String> excludedKeys, int limit)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select s.serial from serial s "
                + "where s.item_id = (select id from item where sku = ?) "
                + "and s.location_id = (select id from location where code = ?) and s.status = 'IN_STOCK' "
                + "and s.serial_key <> all (?::text[]) order by s.received_at, s.id limit ?")) {
            ps.setString(1, sku);
            ps.setString(2, location);
            ps.setArray(3, SqlArrays.texts(c, excludedKeys));
            ps.setInt(4, limit);
            List<String> picked = new ArrayList<>(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    picked.add(rs.getString(1));
                }
            }
            return picked;
        }
    }

    public boolean itemExists(String sku) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select 1 from item where sku = ?")) {
            ps.setString(1, sku);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The serials with these keys, wherever they are, in key order. */
    public List<SerialView> withKeys(Collection<String> keys) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + "where s.serial_key = any(?) order by s.serial_key")) {
            ps.setArray(1, SqlArrays.texts(c, keys));
            List<SerialView> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(view(rs));
                }
            }
            return result;
        }
    }

    /** The serial list's query up to its order: every filter that is given, none that is not. */
    private static StringBuilder filtered(SerialFilter f, List<Object> params) {
        StringBuilder sql = new StringBuilder(SELECT).append("where true");
        if (present(f.sku())) {
            sql.append(" and s.item_id = (select id from item where sku = ?)");
            params.add(f.sku().strip());
        }
        if (f.status() != null) {
            sql.append(" and s.status = ?");
            params.add(f.status().name());
        }
        if (present(f.location())) {
            sql.append(" and s.location_id = (select id from location where code = ?)");
            params.add(f.location().strip());
        }
        if (present(f.lot())) {
            sql.append(" and s.lot = ?");
            params.add(f.lot().strip());
        }
        if (f.expiresBy() != null) {
            sql.append(" and s.expiry <= ?");
            params.add(f.expiresBy());
        }
        if (present(f.q())) {
            sql.append(" and s.serial_key like '%' || ? || '%' escape '\\'");
            params.add(Text.likeEscape(SerialNumber.keyOf(f.q())));
        }
        return sql;
    }

    private PreparedStatement prepare(CharSequence sql, List<Object> params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql.toString());
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
        return ps;
    }

    private static SerialView view(ResultSet rs) throws SQLException {
        return new SerialView(rs.getString(1), rs.getString(2), SerialStatus.valueOf(rs.getString(3)),
                rs.getString(4), rs.getString(5), rs.getString(7), rs.getObject(8, OffsetDateTime.class),
                rs.getString(9), null, rs.getString(10), rs.getObject(11, LocalDate.class));
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
