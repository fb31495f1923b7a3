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
 * One query per invariant of the ledger, each returning (subject, detail) for the rows that break it.
 * Each is set-wise over whole tables (hash joins and aggregates, no per-row lookups): the check of
 * 10,000,000 serials reads every table once or twice, not once per serial.
 */
public class ConsistencyRepository {

    /** A rule and the query that lists its violations as (subject, detail). */
    public record Rule(String name, String sql) {
    }

    /** The invariants, in the order they are reported. */
    public static final List<Rule> RULES = List.of(
            new Rule("untracked_items_hold_no_serials_in_stock",
                    "select i.sku, count(*) || ' serial(s) in stock, e.g. ' || min(s.serial) "
                            + "from serial s join item i on i.id = s.item_id "
                            + "where s.status = 'IN_STOCK' and not i.track_serials group by i.sku"),
            // the count of serials itself, not the counter the triggers keep (next rule)
            new Rule("stock_matches_serials",
                    "with counted as (select item_id, location_id, count(*) as n from serial "
                            + "where status = 'IN_STOCK' group by item_id, location_id) "
                            + "select i.sku || ' at ' || l.code, 'on-hand ' || trim_scale(coalesce(st.quantity, 0)) || ', serials in stock ' "
                            + "|| coalesce(c.n, 0) from stock st full join counted c "
                            + "on c.item_id = st.item_id and c.location_id = st.location_id "
                            + "join item i on i.id = coalesce(st.item_id, c.item_id) "
                            + "join location l on l.id = coalesce(st.location_id, c.location_id) "
                            + "where i.track_serials and coalesce(st.serials_initialized, true) "
                            + "and coalesce(st.quantity, 0) <> coalesce(c.n, 0)"),
            new Rule("stock_counts_its_serials",
                    "with counted as (select item_id, location_id, count(*) as n from serial "
                            + "where status = 'IN_STOCK' group by item_id, location_id) "
                            + "select coalesce(st.item_id, c.item_id) || ' at ' || coalesce(st.location_id, c.location_id), "
                            + "'counter ' || coalesce(st.in_stock_serials, 0) || ', serials in stock ' || coalesce(c.n, 0) "
                            + "from stock st full join counted c on c.item_id = st.item_id and c.location_id = st.location_id "
                            + "where coalesce(st.in_stock_serials, 0) <> coalesce(c.n, 0)"),
            // per serial and location, the history's quantities add up to 1 where the serial is in stock
            // and to 0 everywhere else: the sum per serial is 1 exactly while IN_STOCK, at its location
            new Rule("history_adds_up_to_state",
                    "with held as (select serial_id, location_id, sum(quantity) as q from serial_history "
                            + "group by serial_id, location_id having sum(quantity) <> 0), "
                            + "here as (select id, location_id from serial where status = 'IN_STOCK') "
                            + "select 'serial id ' || coalesce(h.serial_id, s.id), case when h.serial_id is null "
                            + "then 'in stock at location ' || s.location_id || ' but its history does not add up to 1 there' "
                            + "when s.id is null then 'history adds up to ' || h.q || ' at location ' || h.location_id "
                            + "|| ' where it is not in stock' else 'history adds up to ' || h.q || ' at its location' end "
                            + "from held h full join here s on s.id = h.serial_id and s.location_id = h.location_id "
                            + "where h.serial_id is null or s.id is null or h.q <> 1"),
            new Rule("serial_has_history",
                    "select s.serial, s.status || ' without any history' from serial s "
                            + "where not exists (select 1 from serial_history h where h.serial_id = s.id)"),
            new Rule("history_on_a_line_of_its_document_and_item",
                    "select h.id::text, 'serial ' || h.serial_id || ', line ' || h.line_id || ', document ' "
                            + "|| h.transaction_id from serial_history h left join transaction_line l on l.id = h.line_id "
                            + "left join serial s on s.id = h.serial_id "
                            + "where l.id is null or l.transaction_id <> h.transaction_id or s.item_id <> l.item_id"),
            new Rule("references_exist",
                    "select 'serial ' || s.serial, 'item ' || s.item_id || ', location ' || coalesce(s.location_id::text, '-') "
                            + "|| ', last document ' || coalesce(s.last_transaction_id::text, '-') from serial s "
                            + "left join item i on i.id = s.item_id left join location l on l.id = s.location_id "
                            + "left join inventory_transaction t on t.id = s.last_transaction_id "
                            + "where i.id is null or (s.location_id is not null and l.id is null) "
                            + "or (s.last_transaction_id is not null and t.id is null) "
                            + "union all select 'history ' || h.id, 'location ' || h.location_id from serial_history h "
                            + "where not exists (select 1 from location l where l.id = h.location_id)"),
            new Rule("in_stock_exactly_at_a_location",
                    "select serial, status || ' at ' || coalesce(location_id::text, 'no location') from serial "
                            + "where (status = 'IN_STOCK') <> (location_id is not null)"),
            new Rule("last_document_moved_the_serial",
                    "select s.serial, 'last document ' || s.last_transaction_id || ' has no history row of it' "
                            + "from serial s where s.last_transaction_id is not null and not exists "
                            + "(select 1 from serial_history h where h.serial_id = s.id "
                            + "and h.transaction_id = s.last_transaction_id)"),
            new Rule("cancelled_documents_fully_reversed",
                    "select t.number, 'serial ' || h.serial_id || ' history adds up to ' || sum(h.quantity) "
                            + "from inventory_transaction t join serial_history h on h.transaction_id = t.id "
                            + "where t.cancelled_at is not null group by t.number, h.serial_id having sum(h.quantity) <> 0"),
            new Rule("documents_numbered",
                    "select t.id::text, 'number ' || t.number from inventory_transaction t "
                            + "where t.number like 'PENDING-%' or not exists (select 1 from transaction_line l "
                            + "where l.transaction_id = t.id)"),
            new Rule("item_state_matches_its_stock",
                    "select i.sku, i.serial_state || ' with ' || count(st.item_id) filter (where not st.serials_initialized) "
                            + "|| ' stock row(s) waiting for serials' from item i left join stock st on st.item_id = i.id "
                            + "group by i.id, i.sku, i.serial_state having (i.serial_state = 'NOT_INITIALIZED') "
                            + "<> (count(st.item_id) filter (where not st.serials_initialized) > 0)"));

    private final Connection c;

    public ConsistencyRepository(Connection connection) {
        this.c = connection;
    }

    /**
     * Runs every rule; returns, per rule, the number of violations and the first {@code maxListed}
     * of them as (subject, detail).
     */
    public Map<String, Found> run(int maxListed) throws SQLException {
        Map<String, Found> result = new LinkedHashMap<>();
        for (Rule rule : RULES) {
            List<String[]> listed = new ArrayList<>();
            long count = 0;
            try (PreparedStatement ps = c.prepareStatement(rule.sql()); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (count++ < maxListed) {
                        listed.add(new String[]{rs.getString(1), rs.getString(2)});
                    }
                }
            }
            result.put(rule.name(), new Found(count, listed));
        }
        return result;
    }

    /** What one rule found. */
    public record Found(long count, List<String[]> listed) {
    }
}
