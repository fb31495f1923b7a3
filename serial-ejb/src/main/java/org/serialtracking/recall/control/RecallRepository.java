package org.serialtracking.recall.control;

import org.serialtracking.common.ErrorCode;
import org.serialtracking.common.RuleViolation;
import org.serialtracking.platform.control.ResultRows;
import org.serialtracking.platform.control.SqlArrays;
import org.serialtracking.recall.RecallCounts;
import org.serialtracking.recall.RecallUnit;
import org.serialtracking.recall.UnitState;
import org.serialtracking.serial.Warranty;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The recall tables (migration V16), the only writer of {@code recall} and {@code recall_suspect}.
 * Suspects are resolved set-wise, one statement per criterion; the units a recall reaches are walked
 * up {@code serial_link} from all its suspects in one recursive statement, each unit with its state now.
 */
public class RecallRepository {

    /** A recall as stored. */
    public record Stored(long id, String number, String reason, String criteria, String status, long suspects,
                         OffsetDateTime createdAt, String createdBy, OffsetDateTime closedAt, String closedBy,
                         String closingNote) {
    }

    /** What the units of a recall are filtered on; nulls filter nothing. */
    public record UnitFilter(UnitState state, String customer) {
    }

    private static final String COLUMNS = "r.id, r.number, r.reason, r.criteria::text, r.status, "
            + "(select count(*) from recall_suspect rs where rs.recall_id = r.id), r.created_at, r.created_by, "
            + "r.closed_at, r.closed_by, r.closing_note";

    /**
     * Every top-level unit above the suspects of recall {@code ?}: walked up the links (never round a
     * cycle, at most 100 deep), a unit reached from several suspects once, by an exact path if it has one,
     * else the shortest.
     */
    private static final String TOPS = "with recursive up (suspect_id, id, path, exact, depth, parent, parent_exact) as ("
            + "select rs.serial_id, rs.serial_id, array[rs.serial_id], true, 0, l.assembly_id, l.exact "
            + "from recall_suspect rs left join serial_link l on l.component_id = rs.serial_id and l.removed_at is null "
            + "where rs.recall_id = ? "
            + "union all "
            // each step reads the links holding the unit now, once: none (parent null) makes it a top
            + "select up.suspect_id, up.parent, up.path || up.parent, up.exact and up.parent_exact, up.depth + 1, "
            + "l.assembly_id, l.exact from up left join serial_link l on l.component_id = up.parent and l.removed_at is null "
            + "where up.parent is not null and up.depth < 100 and not up.parent = any(up.path)), "
            + "top as (select distinct on (up.id) up.id, up.suspect_id, up.path, up.exact from up where up.parent is null "
            + "order by up.id, up.exact desc, up.depth, up.suspect_id), ";

    /**
     * The unfiltered page's units: the first ones by serial after the key {@code ?} (null: from the
     * first), at most {@code ?}, chosen before any unit's state is worked out, so a page of a recall
     * that reaches 20,000 units reads the shipments of its 50 and not of all (bench #12).
     */
    private static final String FIRST = "first as (select top.* from top join serial k on k.id = top.id "
            + "where (?::text is null or k.serial_key > ?) order by k.serial_key limit ?), ";

    /** The units of {@code tops} (a relation with top's columns), each with its state now and its last shipment still in force. */
    private static String unitsOf(String tops) {
        return "unit as (select t.*, s.serial, s.serial_key, s.item_id, s.location_id, ship.transaction_id as shipment_id, "
                + "ship.at as shipped_at, sh.party_id as customer_id, "
                + "case when s.status = 'IN_STOCK' and ship.transaction_id is not null then 'RETURNED' else s.status end as state "
                + "from " + tops + " t join serial s on s.id = t.id "
                + "left join lateral (select h.transaction_id, h.at from serial_history h "
                + "join inventory_transaction ht on ht.id = h.transaction_id where h.serial_id = s.id and h.type = 'SHIP' "
                + "and not h.reversal and ht.cancelled_at is null order by h.id desc limit 1) ship on true "
                + "left join inventory_transaction sh on sh.id = ship.transaction_id) ";
    }

    private final Connection c;

    public RecallRepository(Connection connection) throws SQLException {
        this.c = connection;
        // A recall's walks are planned for their own suspects (a generic plan of a prepared statement
        // knows neither how many there are nor where they lead) and without JIT: their estimates pass
        // its threshold, and compiling cost 300-500 ms a statement (bench #12).
        try (Statement st = c.createStatement()) {
            st.execute("set local plan_cache_mode = force_custom_plan");
            st.execute("set local jit = off");
        }
    }

    /** A new open recall, numbered {@code RCL-000001} on; its id and number. */
    public Stored insert(String reason, String criteriaJson, String createdBy) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into recall (number, reason, criteria, created_by) "
                + "values ('RCL-' || lpad(nextval('recall_number_seq')::text, 6, '0'), ?, ?::jsonb, ?) returning id, number")) {
            ps.setString(1, reason);
            ps.setString(2, criteriaJson);
            ps.setString(3, createdBy);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return find(rs.getString(2));
            }
        }
    }

    public Stored find(String number) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from recall r where r.number = ?")) {
            ps.setString(1, number);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? stored(rs) : null;
            }
        }
    }

    /** The recall, locked against a concurrent close; null when there is none. */
    public Long lock(String number) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select id from recall where number = ? for update")) {
            ps.setString(1, number);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    /** Recalls newest first, after the one with id {@code afterId} (0: from the newest), optionally of one status. */
    public List<Stored> list(String status, long afterId, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from recall r "
                + "where (?::text is null or r.status = ?) and (? = 0 or r.id < ?) order by r.id desc limit ?")) {
            ps.setString(1, status);
            ps.setString(2, status);
            ps.setLong(3, afterId);
            ps.setLong(4, afterId);
            ps.setInt(5, limit);
            List<Stored> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(stored(rs));
                }
            }
            return result;
        }
    }

    /** Closes an open recall; false when it was already closed. */
    public boolean close(long id, String by, String note) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update recall set status = 'CLOSED', closed_at = now(), "
                + "closed_by = ?, closing_note = ? where id = ? and status = 'OPEN'")) {
            ps.setString(1, by);
            ps.setString(2, note);
            ps.setLong(3, id);
            return ps.executeUpdate() == 1;
        }
    }

    // ------------------------------------------------------------------ resolving suspects

    /** The named serials become suspects. */
    public void addSerials(long recallId, String[] keys) throws SQLException {
        update("insert into recall_suspect (recall_id, serial_id, source) select ?, s.id, 'SERIAL' from serial s "
                + "where s.serial_key = any(?::text[]) on conflict do nothing", ps -> {
            ps.setLong(1, recallId);
            ps.setArray(2, c.createArrayOf("text", keys));
        });
    }

    /*
     * History is read by document (serial_history_transaction_ix), never by line alone: line_id has
     * no index of its own (V7), and a join on it alone reads the whole history.
     */

    /**
     * A component item consumed in the window by documents still in force: the serials consumed, where
     * the line consumed serials; the units made by the same document, where it consumed the item untracked.
     */
    public void addConsumed(long recallId, long itemId, OffsetDateTime from, OffsetDateTime until, Long locationId)
            throws SQLException {
        String inWindow = "l.item_id = ? and l.role = 'COMPONENT' and t.posted_at >= ? and t.posted_at < ? "
                + "and t.cancelled_at is null and (?::bigint is null or l.location_id = ?) ";
        SqlBinder bind = ps -> {
            ps.setLong(1, recallId);
            ps.setLong(2, itemId);
            ps.setObject(3, from);
            ps.setObject(4, until);
            ps.setObject(5, locationId, Types.BIGINT);
            ps.setObject(6, locationId, Types.BIGINT);
        };
        update("insert into recall_suspect (recall_id, serial_id, source, document_id) "
                + "select distinct on (h.serial_id) ?, h.serial_id, 'COMPONENT', l.transaction_id "
                + "from transaction_line l join inventory_transaction t on t.id = l.transaction_id "
                + "join serial_history h on h.transaction_id = l.transaction_id and h.line_id = l.id "
                + "where " + inWindow + "and h.type in ('CONSUME', 'WORKCONSUME') and not h.reversal "
                + "order by h.serial_id, l.transaction_id on conflict do nothing", bind);
        update("insert into recall_suspect (recall_id, serial_id, source, document_id) "
                + "select distinct on (h.serial_id) ?, h.serial_id, 'MATERIAL', m.transaction_id "
                // the lines that consumed the item untracked, found first (OFFSET 0 keeps the planner from
                // testing "no serials on the line" once per output serial instead of once per line)
                + "from (select l.transaction_id from transaction_line l "
                + "join inventory_transaction t on t.id = l.transaction_id where " + inWindow
                + "and not exists (select 1 from serial_history ch where ch.transaction_id = l.transaction_id "
                + "and ch.line_id = l.id) offset 0) m "
                + "join transaction_line o on o.transaction_id = m.transaction_id and o.role = 'OUTPUT' "
                + "join serial_history h on h.transaction_id = o.transaction_id and h.line_id = o.id "
                + "where h.type in ('BUILD', 'WORKBUILD') and not h.reversal "
                + "order by h.serial_id, m.transaction_id on conflict do nothing", bind);
    }

    /** The serials received on receipts still in force from these suppliers (party ids) or with these numbers. */
    public void addReceived(long recallId, long[] supplierIds, String[] receiptNumbers) throws SQLException {
        update("insert into recall_suspect (recall_id, serial_id, source, document_id) "
                + "select distinct on (h.serial_id) ?, h.serial_id, case when t.number = any(?::text[]) then 'RECEIPT' "
                + "else 'SUPPLIER' end, t.id from inventory_transaction t "
                + "join transaction_line l on l.transaction_id = t.id "
                + "join serial_history h on h.transaction_id = t.id and h.line_id = l.id "
                + "where t.type = 'RECEIPT' and t.cancelled_at is null and h.type = 'RECEIVE' and not h.reversal "
                + "and (t.party_id = any(?) or t.number = any(?::text[])) order by h.serial_id, t.id on conflict do nothing",
                ps -> {
                    ps.setLong(1, recallId);
                    ps.setArray(2, c.createArrayOf("text", receiptNumbers));
                    ps.setArray(3, SqlArrays.longs(c, supplierIds));
                    ps.setArray(4, c.createArrayOf("text", receiptNumbers));
                });
    }

    /** The ids of these suppliers; unknown codes refuse the recall, 422 UNKNOWN_PARTY naming them. */
    public long[] supplierIds(String[] codes) throws SQLException {
        if (codes.length == 0) {
            return new long[0];
        }
        Map<String, Long> ids = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select code, id from party where kind = 'SUPPLIER' "
                + "and code = any(?::text[])")) {
            ps.setArray(1, c.createArrayOf("text", codes));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        List<String> unknown = Arrays.stream(codes).filter(code -> !ids.containsKey(code)).toList();
        if (!unknown.isEmpty()) {
            throw new RuleViolation(ErrorCode.UNKNOWN_PARTY, "Unknown supplier(s): " + String.join(", ", unknown));
        }
        return Arrays.stream(codes).mapToLong(ids::get).toArray();
    }

    /** The item with this SKU; 404 when there is none. */
    public long itemId(String sku) throws SQLException {
        return idOf("select id from item where sku = ?", sku, "Item");
    }

    /** The location with this code; 404 when there is none. */
    public long locationId(String code) throws SQLException {
        return idOf("select id from location where code = ?", code, "Location");
    }

    private long idOf(String sql, String key, String what) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw RuleViolation.notFound(what, key);
                }
                return rs.getLong(1);
            }
        }
    }

    /** The numbers given that name no receipt, in the order given. */
    public List<String> notReceipts(String[] numbers) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select k.number from unnest(?::text[]) with ordinality "
                + "k(number, n) where not exists (select 1 from inventory_transaction t where t.number = k.number "
                + "and t.type = 'RECEIPT') order by k.n")) {
            ps.setArray(1, c.createArrayOf("text", numbers));
            return strings(ps);
        }
    }

    // ------------------------------------------------------------------ the units reached

    /** How many units the recall reaches, by state and by customer. */
    public RecallCounts counts(long recallId) throws SQLException {
        Map<UnitState, Long> byStatus = new EnumMap<>(UnitState.class);
        Map<String, RecallCounts.CustomerCount> byCustomer = new HashMap<>();
        long units = 0;
        try (PreparedStatement ps = c.prepareStatement(TOPS + unitsOf("top") + "select u.state, p.code, p.name, count(*) from unit u "
                + "left join party p on p.id = u.customer_id group by u.state, p.code, p.name")) {
            ps.setLong(1, recallId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long n = rs.getLong(4);
                    units += n;
                    byStatus.merge(UnitState.valueOf(rs.getString(1)), n, Long::sum);
                    String code = rs.getString(2);
                    if (code != null) {
                        byCustomer.merge(code, new RecallCounts.CustomerCount(code, rs.getString(3), n),
                                (a, b) -> new RecallCounts.CustomerCount(a.customer(), a.name(), a.units() + b.units()));
                    }
                }
            }
        }
        List<RecallCounts.CustomerCount> customers = byCustomer.values().stream()
                .sorted(Comparator.comparingLong(RecallCounts.CustomerCount::units).reversed()
                        .thenComparing(RecallCounts.CustomerCount::customer))
                .limit(RecallCounts.MAX_CUSTOMERS).toList();
        return new RecallCounts(units, byStatus, customers, byCustomer.size());
    }

    /** A page of the units, by serial, after the serial with key {@code afterKey} (null: from the first). */
    public List<RecallUnit> units(long recallId, UnitFilter filter, String afterKey, int limit) throws SQLException {
        try (PreparedStatement ps = unitsStatement(recallId, filter, afterKey, limit)) {
            List<RecallUnit> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(unit(rs));
                }
            }
            return result;
        }
    }

    /** What is done with the units of an export as they stream by. */
    @FunctionalInterface
    public interface UnitSink<T> {
        T take(Iterator<RecallUnit> units) throws Exception;
    }

    /** Every unit, by serial, read through a cursor (inside the caller's transaction), so memory stays flat. */
    public <T> T export(long recallId, UnitFilter filter, UnitSink<T> sink) throws Exception {
        try (PreparedStatement ps = unitsStatement(recallId, filter, null, null)) {
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                return sink.take(ResultRows.iterate(rs, RecallRepository::unit));
            }
        }
    }

    private PreparedStatement unitsStatement(long recallId, UnitFilter filter, String afterKey, Integer limit)
            throws SQLException {
        String state = filter.state() == null ? null : filter.state().name();
        // without a filter on what is worked out per unit, the page is cut before the work
        boolean cutFirst = limit != null && state == null && filter.customer() == null;
        List<Object> params = new ArrayList<>(List.of(recallId));
        if (cutFirst) {
            params.addAll(Arrays.asList(afterKey, afterKey, limit));
        }
        PreparedStatement ps = c.prepareStatement(TOPS + (cutFirst ? FIRST + unitsOf("first") : unitsOf("top"))
                + "select u.serial, i.sku, u.state, loc.code, p.code, "
                + "sh.number, u.shipped_at, i.warranty_days, first_ship.at, sus.serial, rs.source, "
                // a scalar subquery: as a join, the planner scanned all documents once per unit
                + "(select doc.number from inventory_transaction doc where doc.id = rs.document_id), "
                + "(select array_agg(ps.serial order by p.n) from unnest(u.path) with ordinality p(id, n) "
                + "join serial ps on ps.id = p.id), u.exact, now() "
                + "from unit u join item i on i.id = u.item_id left join location loc on loc.id = u.location_id "
                + "left join party p on p.id = u.customer_id left join inventory_transaction sh on sh.id = u.shipment_id "
                + "join serial sus on sus.id = u.suspect_id "
                + "join recall_suspect rs on rs.recall_id = ? and rs.serial_id = u.suspect_id "
                + "left join lateral (select h.at from serial_history h join inventory_transaction ft "
                + "on ft.id = h.transaction_id where h.serial_id = u.id and h.type = 'SHIP' and not h.reversal "
                + "and ft.cancelled_at is null order by h.id limit 1) first_ship on true "
                + "where (?::text is null or u.state = ?) and (?::text is null or p.code = ?) "
                + "and (?::text is null or u.serial_key > ?) order by u.serial_key"
                + (limit == null ? "" : " limit ?"));
        params.addAll(Arrays.asList(recallId, state, state, filter.customer(), filter.customer(), afterKey, afterKey));
        if (limit != null) {
            params.add(limit);
        }
        for (int i = 0; i < params.size(); i++) {
            Object value = params.get(i);
            if (value == null) {
                ps.setNull(i + 1, Types.VARCHAR);
            } else {
                ps.setObject(i + 1, value);
            }
        }
        return ps;
    }

    private static RecallUnit unit(ResultSet rs) throws SQLException {
        Integer days = rs.getObject(8) == null ? null : rs.getInt(8);
        Array path = rs.getArray(13);
        return new RecallUnit(rs.getString(1), rs.getString(2), UnitState.valueOf(rs.getString(3)), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class),
                Warranty.of(days, rs.getObject(9, OffsetDateTime.class), rs.getObject(15, OffsetDateTime.class)),
                rs.getString(10), rs.getString(11), rs.getString(12),
                path == null ? List.of() : Arrays.asList((String[]) path.getArray()), rs.getBoolean(14));
    }

    private static Stored stored(ResultSet rs) throws SQLException {
        return new Stored(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getLong(6), rs.getObject(7, OffsetDateTime.class), rs.getString(8),
                rs.getObject(9, OffsetDateTime.class), rs.getString(10), rs.getString(11));
    }

    @FunctionalInterface
    private interface SqlBinder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private void update(String sql, SqlBinder binder) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            ps.executeUpdate();
        }
    }

    private static List<String> strings(PreparedStatement ps) throws SQLException {
        List<String> result = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                result.add(rs.getString(1));
            }
        }
        return result;
    }
}
