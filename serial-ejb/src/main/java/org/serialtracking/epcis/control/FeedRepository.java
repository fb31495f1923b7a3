package org.serialtracking.epcis.control;

import org.serialtracking.party.PartyKind;
import org.serialtracking.platform.control.SqlArrays;
import org.serialtracking.transaction.DocumentType;
import org.serialtracking.transaction.LineRole;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The feed's SQL (migration V19). Entries are documents' postings (at {@code posted_xid}) and
 * cancellations (at {@code cancelled_xid}) below the horizon, in (transaction id, document id, part)
 * order, read by keyset from the two indexes, merged. A page is planned by one statement over its
 * entries and their lines ({@link #plan}), and written from two cursors read side by side
 * ({@link #read}): the entries with their lines, and the serials they moved, each in the feed's
 * order, so memory stays flat whatever the page's size. Set-wise: never a statement per event.
 */
public class FeedRepository {

    /** Which documents a page reads: the horizon, the event time window, types, and serials they must have moved. */
    public record Selection(long horizon, Instant from, Instant until, Set<DocumentType> types, long[] matchItems,
                            String[] matchKeys) {

        /** Whether no document can match (a business step or EPCs that nothing has). */
        public boolean nothing() {
            return (types != null && types.isEmpty()) || (matchItems != null && matchItems.length == 0);
        }
    }

    /** What the page reads: entries after {@code after} (inclusive of its entry unless it is past it) up to {@code upTo}'s entry. */
    public record Bounds(FeedPosition after, FeedPosition upTo, int limit) {
    }

    /** What is done with each entry's document, lines and serials as they stream by. */
    @FunctionalInterface
    public interface EntryReader {
        void read(FeedDocument document, List<FeedLine> lines, Iterator<FeedSerial> serials) throws IOException;
    }

    private final Connection c;

    public FeedRepository(Connection connection) throws SQLException {
        this.c = connection;
        // without JIT: a page's estimates pass its threshold, and compiling costs more than the page
        try (Statement st = c.createStatement()) {
            st.execute("set local jit = off");
        }
    }

    /**
     * The horizon: the oldest transaction still running. Every transaction below it has finished
     * (committed or not), so the entries below it are final, and one that commits later lies above.
     */
    public long horizon() throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select pg_snapshot_xmin(pg_current_snapshot())::text")) {
            rs.next();
            return Long.parseLong(rs.getString(1));
        }
    }

    /** The ids of the items with these GTINs and SKUs, by GTIN and by SKU. */
    public Map<String, Long> items(Collection<String> gtins, Collection<String> skus) throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select id, gtin, sku from item "
                + "where gtin = any(?::text[]) or sku = any(?::text[])")) {
            ps.setArray(1, SqlArrays.texts(c, gtins));
            ps.setArray(2, SqlArrays.texts(c, skus));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(2) != null) {
                        ids.put("gtin:" + rs.getString(2), rs.getLong(1));
                    }
                    ids.put("sku:" + rs.getString(3), rs.getLong(1));
                }
            }
        }
        return ids;
    }

    /**
     * The entries from {@code after}'s on (at most {@code limit}), each with the bound on its events
     * that {@link PagePlanner} plans with.
     */
    public List<PagePlanner.Entry> plan(Selection selection, FeedPosition after, int limit, int perEvent)
            throws SQLException {
        Sql sql = new Sql("with entry as (");
        entries(sql, selection, new Bounds(after, null, limit));
        // a line moves as many serials as its quantity (or none): a repair makes at most an event per
        // serial (one per unit), a build one per perEvent of all its lines' serials, other documents one
        // per perEvent of each line's
        sql.add(") select e.xid::text, e.id, e.part, (select case when t.type = 'REPAIR' then sum(ceil(abs(l.quantity))) "
                + "when t.type in ('BUILD', 'WORK_ORDER') then ceil(sum(abs(l.quantity)) / ?) "
                + "else sum(ceil(abs(l.quantity) / ?)) end "
                + "from transaction_line l where l.transaction_id = e.id)::bigint "
                + "from entry e join inventory_transaction t on t.id = e.id order by e.xid, e.id, e.part",
                perEvent, perEvent);
        List<PagePlanner.Entry> entries = new ArrayList<>();
        try (PreparedStatement ps = sql.prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                entries.add(new PagePlanner.Entry(Long.parseLong(rs.getString(1)), rs.getLong(2), rs.getInt(3),
                        rs.getLong(4)));
            }
        }
        return entries;
    }

    /**
     * Reads the entries within the bounds, each with its lines and its serials, and hands them over
     * one by one, in order; the serials of an entry that the reader leaves unread are skipped.
     */
    public void read(Selection selection, Bounds bounds, EntryReader reader) throws SQLException, IOException {
        Sql docs = new Sql("with entry as (");
        entries(docs, selection, bounds);
        docs.add(") select e.xid::text, e.id, e.part, t.number, t.type, t.posted_at, t.cancelled_at, t.party_kind, "
                + "p.code, t.rma, l.id, l.line_no, l.role, l.quantity, i.id, i.sku, i.gtin, f.code, fc.code, tl.code, "
                + "tc.code, "
                // a build's line without serials counts as a quantity: known before its serials are read
                + "case when t.type in ('BUILD', 'WORK_ORDER') then case when t.cancelled_xid is null "
                + "then exists (select 1 from serial_history h where h.transaction_id = t.id and h.line_id = l.id "
                + "and not h.reversal and h.type <> 'MOVEIN') "
                + "else exists (select 1 from cancelled_movement c where c.transaction_id = t.id and c.line_id = l.id) "
                + "end else true end "
                + "from entry e join inventory_transaction t on t.id = e.id left join party p on p.id = t.party_id "
                + "join transaction_line l on l.transaction_id = t.id join item i on i.id = l.item_id "
                + "join location f on f.id = l.location_id join company fc on fc.id = f.company_id "
                + "left join location tl on tl.id = l.to_location_id left join company tc on tc.id = tl.company_id "
                + "order by e.xid, e.id, e.part, l.id");
        Sql serials = new Sql("with entry as (");
        entries(serials, selection, bounds);
        // a document in force: what document_movement says it moved; a cancelled one: what its
        // cancellation kept (the same rows)
        serials.add(") select e.xid::text, e.id, e.part, r.line_id, r.unit_id, r.serial, r.serial_key, r.unit_serial, "
                + "ui.sku, ui.gtin from entry e join inventory_transaction t on t.id = e.id cross join lateral ("
                + "select m.line_id, m.unit_id, m.history_id, m.serial, m.serial_key, m.unit_serial, m.unit_item_id "
                + "from document_movement m where m.transaction_id = t.id and t.cancelled_xid is null "
                + "union all "
                + "select k.line_id, k.unit_id, k.history_id, k.serial, k.serial_key, k.unit_serial, k.unit_item_id "
                + "from cancelled_movement k where k.transaction_id = t.id and t.cancelled_xid is not null) r "
                + "left join item ui on ui.id = r.unit_item_id "
                + "order by e.xid, e.id, e.part, r.line_id, r.unit_id nulls first, r.history_id");
        try (PreparedStatement ds = docs.prepare(c); PreparedStatement ss = serials.prepare(c)) {
            ds.setFetchSize(500);
            ss.setFetchSize(2000);
            try (ResultSet d = ds.executeQuery(); ResultSet s = ss.executeQuery()) {
                SerialCursor cursor = new SerialCursor(s);
                boolean more = d.next();
                while (more) {
                    FeedDocument doc = document(d);
                    List<FeedLine> lines = new ArrayList<>();
                    do {
                        lines.add(line(d));
                        more = d.next();
                    } while (more && Long.parseLong(d.getString(1)) == doc.xid() && d.getLong(2) == doc.id()
                            && d.getInt(3) == doc.part());
                    cursor.enter(doc);
                    reader.read(doc, lines, cursor);
                    cursor.skipRest();
                }
            }
        }
    }

    /** The serials of the current entry, read from a cursor over all entries' serials. */
    private static final class SerialCursor implements Iterator<FeedSerial> {
        private final ResultSet rs;
        private boolean loaded;
        private boolean exhausted;
        private FeedDocument entry;
        // the entry of the row under the cursor
        private long xid;
        private long id;
        private int part;

        SerialCursor(ResultSet rs) {
            this.rs = rs;
        }

        void enter(FeedDocument doc) {
            entry = doc;
        }

        /** Moves to the next row if the current one was consumed; false at the end. */
        private boolean load() {
            if (!loaded && !exhausted) {
                try {
                    exhausted = !rs.next();
                    if (!exhausted) {
                        xid = Long.parseLong(rs.getString(1));
                        id = rs.getLong(2);
                        part = rs.getInt(3);
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                loaded = true;
            }
            return !exhausted;
        }

        /** Where the row under the cursor stands against the current entry (negative: before it). */
        private int compare() {
            int c = Long.compare(xid, entry.xid());
            if (c == 0) {
                c = Long.compare(id, entry.id());
            }
            return c != 0 ? c : Integer.compare(part, entry.part());
        }

        @Override
        public boolean hasNext() {
            // rows of entries before this one (none: both cursors read the same entries) are passed over
            while (load() && compare() < 0) {
                loaded = false;
            }
            return !exhausted && compare() == 0;
        }

        @Override
        public FeedSerial next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            loaded = false;
            try {
                long unit = rs.getLong(5);
                Long unitId = rs.wasNull() ? null : unit;
                return new FeedSerial(rs.getLong(4), unitId, rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getString(9), rs.getString(10));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        void skipRest() {
            while (hasNext()) {
                loaded = false;
            }
        }
    }

    private static FeedDocument document(ResultSet rs) throws SQLException {
        String kind = rs.getString(8);
        return new FeedDocument(Long.parseLong(rs.getString(1)), rs.getLong(2), rs.getInt(3), rs.getString(4),
                DocumentType.valueOf(rs.getString(5)), rs.getObject(6, OffsetDateTime.class),
                rs.getObject(7, OffsetDateTime.class), kind == null ? null : PartyKind.valueOf(kind), rs.getString(9),
                rs.getString(10));
    }

    private static FeedLine line(ResultSet rs) throws SQLException {
        String role = rs.getString(13);
        return new FeedLine(rs.getLong(11), rs.getInt(12), role == null ? null : LineRole.valueOf(role),
                rs.getBigDecimal(14), rs.getLong(15), rs.getString(16), rs.getString(17), rs.getString(18),
                rs.getString(19), rs.getString(20), rs.getString(21), rs.getBoolean(22));
    }

    /**
     * The entries within the bounds and the selection, in feed order: postings (part 0) and
     * cancellations (part 1), each read by keyset from its index and merged. An entry counts when its
     * document moved serials (a document in force: history rows; a cancelled one: kept rows).
     */
    private static void entries(Sql sql, Selection s, Bounds b) {
        sql.add("select * from (");
        branch(sql, s, b, "posted_xid", 0);
        sql.add(" union all ");
        branch(sql, s, b, "cancelled_xid", 1);
        sql.add(") u order by xid, id, part limit ?", b.limit());
    }

    private static void branch(Sql sql, Selection s, Bounds b, String xid, int part) {
        FeedPosition after = b.after();
        // the branch's entries at the start's (xid, id) come after it when their part does, or when
        // it is the same part and the start is not past the whole entry
        boolean sameIncluded = part > after.part() || (part == after.part() && after.inclusive());
        sql.add("(select t.id, t." + xid + " as xid, " + part + " as part from inventory_transaction t where t." + xid
                + " < ?::xid8 and (t." + xid + ", t.id) " + (sameIncluded ? ">=" : ">") + " (?::xid8, ?)",
                Long.toString(s.horizon()), Long.toString(after.xid()), after.documentId());
        if (b.upTo() != null) {
            FeedPosition upTo = b.upTo();
            sql.add(" and (t." + xid + ", t.id) " + (part <= upTo.part() ? "<=" : "<") + " (?::xid8, ?)",
                    Long.toString(upTo.xid()), upTo.documentId());
        }
        sql.add(" and case when t.cancelled_xid is null then exists (select 1 from serial_history h "
                + "where h.transaction_id = t.id and not h.reversal and h.type <> 'MOVEIN') "
                + "else exists (select 1 from cancelled_movement c where c.transaction_id = t.id) end");
        if (s.from() != null) {
            sql.add(" and t.posted_at >= ?", OffsetDateTime.ofInstant(s.from(), ZoneOffset.UTC));
        }
        if (s.until() != null) {
            sql.add(" and t.posted_at < ?", OffsetDateTime.ofInstant(s.until(), ZoneOffset.UTC));
        }
        if (s.types() != null) {
            sql.add(" and t.type = any(?::text[])", (Object) s.types().stream().map(Enum::name).toArray(String[]::new));
        }
        if (s.matchItems() != null) {
            // a document that moved one of the serials (in force: its history; cancelled: its kept rows)
            sql.add(" and (t.id in (select h.transaction_id from unnest(?::bigint[], ?::text[]) u(item_id, serial_key) "
                    + "join serial x on x.serial_key = u.serial_key and x.item_id = u.item_id "
                    + "join serial_history h on h.serial_id = x.id where not h.reversal) "
                    + "or t.id in (select c.transaction_id from unnest(?::bigint[], ?::text[]) u(item_id, serial_key) "
                    + "join cancelled_movement c on c.serial_key = u.serial_key and c.item_id = u.item_id))",
                    s.matchItems(), s.matchKeys(), s.matchItems(), s.matchKeys());
        }
        sql.add(" order by t." + xid + ", t.id limit ?)", b.limit());
    }

    /** A statement and its parameters, written together. */
    private static final class Sql {
        private final StringBuilder text;
        private final List<Object> params = new ArrayList<>();

        Sql(String start) {
            text = new StringBuilder(start);
        }

        Sql add(String part, Object... values) {
            text.append(part);
            params.addAll(List.of(values));
            return this;
        }

        PreparedStatement prepare(Connection c) throws SQLException {
            PreparedStatement ps = c.prepareStatement(text.toString());
            try {
                for (int i = 0; i < params.size(); i++) {
                    Object p = params.get(i);
                    if (p instanceof String[] texts) {
                        ps.setArray(i + 1, c.createArrayOf("text", texts));
                    } else if (p instanceof long[] longs) {
                        ps.setArray(i + 1, SqlArrays.longs(c, longs));
                    } else {
                        ps.setObject(i + 1, p);
                    }
                }
            } catch (SQLException e) {
                ps.close();
                throw e;
            }
            return ps;
        }
    }
}
