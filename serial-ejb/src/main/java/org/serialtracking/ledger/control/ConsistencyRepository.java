package org.serialtracking.ledger.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
            "history_on_a_line_of_its_document_and_item",
            "references_exist",
            "in_stock_exactly_at_a_location",
            "last_document_moved_the_serial",
            "cancelled_documents_fully_reversed",
            "documents_numbered",
            "item_state_matches_its_stock");

    /**
     * The queries, each returning (rule, subject, detail) for every violation it finds. The heavy one
     * reads every serial with its history once, in serial order (a merge of two index scans, one
     * group per serial), and checks six rules on the way.
     */
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
            // one pass over every serial and its history
            "select v.rule, x.serial, v.detail from ("
                    + "select s.serial, s.status, s.location_id, s.last_transaction_id, "
                    + "bool_and(i.id is not null) as item_exists, bool_and(s.location_id is null or l.id is not null) "
                    + "as location_exists, bool_and(s.last_transaction_id is null or t.id is not null) as document_exists, "
                    + "count(h.id) as rows, coalesce(sum(h.quantity), 0) as total, "
                    + "coalesce(sum(h.quantity) filter (where h.location_id = s.location_id), 0) as here, "
                    + "count(h.id) filter (where h.transaction_id = s.last_transaction_id) as by_last_document, "
                    + "count(h.id) filter (where ln.id is null or ln.transaction_id <> h.transaction_id "
                    + "or ln.item_id <> s.item_id) as on_other_lines, "
                    + "count(h.id) filter (where hl.id is null) as at_missing_locations "
                    + "from serial s left join item i on i.id = s.item_id left join location l on l.id = s.location_id "
                    + "left join inventory_transaction t on t.id = s.last_transaction_id "
                    + "left join serial_history h on h.serial_id = s.id "
                    + "left join transaction_line ln on ln.id = h.line_id left join location hl on hl.id = h.location_id "
                    + "group by s.id) x "
                    + "cross join lateral (values "
                    + "('serial_has_history', x.rows = 0, x.status || ' without any history'), "
                    + "('history_adds_up_to_state', x.rows > 0 and (x.total <> case when x.status = 'IN_STOCK' then 1 else 0 end "
                    + "or (x.status = 'IN_STOCK' and x.here <> 1)), x.status || ': history adds up to ' || x.total "
                    + "|| ', at its location to ' || x.here), "
                    + "('history_on_a_line_of_its_document_and_item', x.on_other_lines > 0, x.on_other_lines "
                    + "|| ' history row(s) on a line of another document or item'), "
                    + "('references_exist', not (x.item_exists and x.location_exists and x.document_exists) "
                    + "or x.at_missing_locations > 0, 'item, location, last document or a history location missing'), "
                    + "('in_stock_exactly_at_a_location', (x.status = 'IN_STOCK') <> (x.location_id is not null), "
                    + "x.status || ' at ' || coalesce(x.location_id::text, 'no location')), "
                    + "('last_document_moved_the_serial', x.last_transaction_id is not null and x.by_last_document = 0, "
                    + "'its last document ' || x.last_transaction_id || ' has no history row of it')"
                    + ") as v(rule, broken, detail) where v.broken",
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
                    + "<> (count(st.item_id) filter (where not st.serials_initialized) > 0)");

    private final Connection c;

    public ConsistencyRepository(Connection connection) {
        this.c = connection;
    }

    /**
     * Runs every query; returns, per rule, the number of violations and the first {@code maxListed}
     * of them as (subject, detail).
     */
    public Map<String, Found> run(int maxListed) throws SQLException {
        Map<String, Found> result = new LinkedHashMap<>();
        for (String rule : RULES) {
            result.put(rule, new Found(0, new ArrayList<>()));
        }
        for (String sql : QUERIES) {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Found f = result.get(rs.getString(1));
                    if (f.listed().size() < maxListed) {
                        f.listed().add(new String[]{rs.getString(2), rs.getString(3)});
                    }
                    result.put(rs.getString(1), new Found(f.count() + 1, f.listed()));
                }
            }
        }
        return result;
    }

    /** What one rule found. */
    public record Found(long count, List<String[]> listed) {
    }
}
