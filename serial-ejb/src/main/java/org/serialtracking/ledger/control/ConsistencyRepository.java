package org.serialtracking.ledger.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The invariants of the ledger as set-wise queries over whole tables (no per-row lookups from Java):
 * the check of 10,000,000 serials reads the serials and their history once.
 */
public class ConsistencyRepository {

    /** The rules, in the order they are reported. */
    public static final List<String> RULES = List.of(
            "untracked_items_hold_no_serials_in_stock",
            "stock_matches_serials",
            "stock_counts_its_serials",
            "history_adds_up_to_state",
            "serial_has_history",
            "in_stock_exactly_at_a_location",
            "serial_references_exist",
            "history_on_a_line_of_its_document",
            "cancelled_documents_fully_reversed",
            "documents_numbered",
            "item_state_matches_its_stock",
            "units_hold_consumed_components",
            "recall_suspects_reference_what_exists");

    /**
     * Every serial with its history, for the serials with ids in [from, to): one merge of two index
     * scans in serial order, one group per serial, no sort and no hash table (10,000,000 serials in
     * about 5 s on one core). Where a serial is in stock is checked by the first moment of its
     * history: the sum of quantity × location is its location while in stock, else 0 (with the sum
     * of quantities 1 or 0, a history that puts a serial elsewhere would have to cancel out exactly).
     * Run with hash joins, hash aggregation, sorts and parallel workers off (see {@link #STREAMING}).
     */
    static final String SERIALS_WITH_HISTORY = "select v.rule, x.serial, v.detail from ("
            + "select s.serial, s.status, s.location_id, h.rows, h.total, h.weighted "
            + "from serial s left join (select h.serial_id, count(*) as rows, sum(h.quantity) as total, "
            + "sum(h.quantity::int * h.location_id::int) as weighted from serial_history h "
            + "where h.serial_id >= ? and h.serial_id < ? group by h.serial_id) h on h.serial_id = s.id "
            + "where s.id >= ? and s.id < ?) x "
            // only the serials that break a rule are spelt out
            + "cross join lateral (values "
            + "('serial_has_history', x.rows is null, x.status || ' without any history'), "
            + "('history_adds_up_to_state', x.rows is not null "
            + "and (x.total <> case when x.status = 'IN_STOCK' then 1 else 0 end "
            + "or x.weighted <> coalesce(x.location_id, 0)), x.status "
            + "|| coalesce(' at location ' || x.location_id, '') || ': its history adds up to ' || x.total "
            + "|| case when x.weighted <> coalesce(x.location_id, 0) then ', at location ' || x.weighted else '' end), "
            + "('in_stock_exactly_at_a_location', (x.status = 'IN_STOCK') <> (x.location_id is not null), "
            + "x.status || ' at ' || coalesce(x.location_id::text, 'no location'))"
            + ") as v(rule, broken, detail) "
            + "where (x.rows is null or x.total <> case when x.status = 'IN_STOCK' then 1 else 0 end "
            + "or x.weighted <> coalesce(x.location_id, 0) or (x.status = 'IN_STOCK') <> (x.location_id is not null)) "
            + "and v.broken";

    /** The planner settings under which {@link #SERIALS_WITH_HISTORY} streams. */
    static final List<String> STREAMING = List.of("set local enable_hashjoin = off", "set local enable_hashagg = off",
            "set local enable_sort = off", "set local max_parallel_workers_per_gather = 0", "set local jit = off");

    /** The other queries, each returning (rule, subject, detail) for every violation it finds. */
    static final List<String> QUERIES = List.of(
            "select 'untracked_items_hold_no_serials_in_stock', i.sku, count(*) || ' serial(s) in stock, e.g. ' "
                    + "|| min(s.serial) from item i join serial s on s.item_id = i.id and s.status = 'IN_STOCK' "
                    + "where not i.track_serials group by i.sku",
            // the count of serials itself, and the counter the triggers keep
            "with counted as (select item_id, location_id, count(*) as n from serial where status = 'IN_STOCK' "
                    + "group by item_id, location_id), "
                    + "compared as (select coalesce(st.item_id, c.item_id) as item_id, "
                    + "coalesce(st.location_id, c.location_id) as location_id, coalesce(st.quantity, 0) as quantity, "
                    + "coalesce(st.in_stock_serials, 0) as counter, coalesce(c.n, 0) as n, "
                    + "coalesce(st.serials_initialized, true) as initialized "
                    + "from stock st full join counted c on c.item_id = st.item_id and c.location_id = st.location_id) "
                    + "select v.rule, i.sku || ' at ' || l.code, v.detail from compared x "
                    + "join item i on i.id = x.item_id join location l on l.id = x.location_id "
                    + "cross join lateral (values "
                    + "('stock_matches_serials', i.track_serials and x.initialized and x.quantity <> x.n, "
                    + "'on-hand ' || trim_scale(x.quantity) || ', serials in stock ' || x.n), "
                    + "('stock_counts_its_serials', x.counter <> x.n, 'counter ' || x.counter || ', serials in stock ' || x.n)"
                    + ") as v(rule, broken, detail) where v.broken",
            "select 'serial_references_exist', s.serial, 'item ' || s.item_id || ', location ' "
                    + "|| coalesce(s.location_id::text, '-') || ', last document ' || coalesce(s.last_transaction_id::text, '-') "
                    + "from serial s left join item i on i.id = s.item_id left join location l on l.id = s.location_id "
                    + "left join inventory_transaction t on t.id = s.last_transaction_id "
                    + "where i.id is null or (s.location_id is not null and l.id is null) "
                    + "or (s.last_transaction_id is not null and t.id is null)",
            // history by (line, document, location): few groups, one parallel scan
            "select 'history_on_a_line_of_its_document', 'line ' || h.line_id || ' of document ' || h.transaction_id, "
                    + "h.n || ' history row(s) at location ' || h.location_id || case when ln.id is null then ': no such line' "
                    + "when ln.transaction_id <> h.transaction_id then ': the line is of document ' || ln.transaction_id "
                    + "else ': no such location' end "
                    + "from (select line_id, transaction_id, location_id, count(*) as n from serial_history "
                    + "group by line_id, transaction_id, location_id) h "
                    + "left join transaction_line ln on ln.id = h.line_id left join location l on l.id = h.location_id "
                    + "where ln.id is null or ln.transaction_id <> h.transaction_id or l.id is null",
            "select 'cancelled_documents_fully_reversed', t.number, 'serial ' || h.serial_id || ' history adds up to ' "
                    + "|| sum(h.quantity) from inventory_transaction t join serial_history h on h.transaction_id = t.id "
                    + "where t.cancelled_at is not null group by t.number, h.serial_id having sum(h.quantity) <> 0",
            "select 'documents_numbered', t.id::text, 'number ' || t.number || ', ' || count(l.id) || ' line(s)' "
                    + "from inventory_transaction t left join transaction_line l on l.transaction_id = t.id "
                    + "group by t.id having t.number like 'PENDING-%' or count(l.id) = 0",
            "select 'item_state_matches_its_stock', i.sku, i.serial_state || ' with ' "
                    + "|| count(st.item_id) filter (where not st.serials_initialized) || ' stock row(s) waiting for serials' "
                    + "from item i left join stock st on st.item_id = i.id group by i.id, i.sku, i.serial_state "
                    + "having (i.serial_state = 'NOT_INITIALIZED') "
                    + "<> (count(st.item_id) filter (where not st.serials_initialized) > 0)",
            // genealogy (issue 14): what a unit holds now was used up into it, by a document in force
            "select 'units_hold_consumed_components', c.serial, 'inside ' || a.serial || ' by ' || t.number "
                    + "|| case when t.cancelled_at is not null then ', a cancelled document' "
                    + "else ' but ' || c.status end "
                    + "from serial_link l join serial c on c.id = l.component_id join serial a on a.id = l.assembly_id "
                    + "join inventory_transaction t on t.id = l.transaction_id "
                    + "where l.removed_at is null and (c.status <> 'CONSUMED' or t.cancelled_at is not null)",
            // recalls (V23 checks these references per statement, no longer by foreign keys)
            "select 'recall_suspects_reference_what_exists', 'serial ' || s.serial_id || ' of recall ' || s.recall_id, "
                    + "case when r.id is null then 'no such recall' else 'no such document ' || s.document_id end "
                    + "from recall_suspect s left join recall r on r.id = s.recall_id "
                    + "left join inventory_transaction t on t.id = s.document_id "
                    + "where r.id is null or (s.document_id is not null and t.id is null)");

    private final Connection c;

    public ConsistencyRepository(Connection connection) {
        this.c = connection;
    }

    /** The range of serial ids, [first, last + 1), or [0, 0) without serials. */
    public long[] serialIds() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select coalesce(min(id), 0), coalesce(max(id) + 1, 0) from serial");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new long[]{rs.getLong(1), rs.getLong(2)};
        }
    }

    /** Checks the serials with ids in [from, to) against their history, into {@code found}. */
    public void serialsWithHistory(long from, long to, Findings found) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("savepoint streaming");
            for (String setting : STREAMING) {
                s.execute(setting);
            }
        }
        try (PreparedStatement ps = c.prepareStatement(SERIALS_WITH_HISTORY)) {
            ps.setLong(1, from);
            ps.setLong(2, to);
            ps.setLong(3, from);
            ps.setLong(4, to);
            collect(ps, found);
        }
        try (Statement s = c.createStatement()) {
            // the planner settings end with the savepoint; the snapshot stays
            s.execute("rollback to savepoint streaming");
        }
    }

    /** Runs the other queries, into {@code found}. */
    public void others(Findings found) throws SQLException {
        for (String sql : QUERIES) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                collect(ps, found);
            }
        }
    }

    private static void collect(PreparedStatement ps, Findings found) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                found.add(rs.getString(1), rs.getString(2), rs.getString(3));
            }
        }
    }

    /** What the queries found, per rule: how many, and the first of them. Shared by the check's threads. */
    public static final class Findings {
        private final int maxListed;
        private final Map<String, Found> byRule = new LinkedHashMap<>();

        public Findings(int maxListed) {
            this.maxListed = maxListed;
            for (String rule : RULES) {
                byRule.put(rule, new Found(0, new ArrayList<>()));
            }
        }

        synchronized void add(String rule, String subject, String detail) {
            Found f = byRule.get(rule);
            if (f.listed().size() < maxListed) {
                f.listed().add(new String[]{subject, detail});
            }
            byRule.put(rule, new Found(f.count() + 1, f.listed()));
        }

        public synchronized Map<String, Found> byRule() {
            return new LinkedHashMap<>(byRule);
        }
    }

    /** What one rule found. */
    public record Found(long count, List<String[]> listed) {
    }
}
