package org.serialtracking.label.control;

import org.serialtracking.label.Label;
import org.serialtracking.platform.control.ResultRows;
import org.serialtracking.platform.control.SqlArrays;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Iterator;

/**
 * What labels print, read from the serials as stored: number, item, GTIN, lot and expiry. Read
 * through a cursor (inside the caller's transaction), so a document of 100,000 serials streams its
 * labels in flat memory.
 */
public class LabelRepository {

    private static final String LABEL = "s.serial, i.sku, i.name, i.gtin, s.lot, s.expiry";

    /** What is done with the labels as they stream by. */
    @FunctionalInterface
    public interface LabelSink<T> {
        T take(Iterator<Label> labels) throws Exception;
    }

    private final Connection c;

    public LabelRepository(Connection connection) {
        this.c = connection;
    }

    /** How many serials the document moved, or -1 when there is no such document. */
    public long countOfDocument(long documentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select (select count(distinct h.serial_id) from serial_history h "
                + "where h.transaction_id = t.id and not h.reversal) from inventory_transaction t where t.id = ?")) {
            ps.setLong(1, documentId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }

    /** Each serial the document moved once, line by line, by serial within a line. */
    public <T> T ofDocument(long documentId, LabelSink<T> sink) throws Exception {
        // a transfer writes two rows per serial (out and in): one label each
        return stream("select distinct on (l.line_no, s.serial_key) " + LABEL + " from serial_history h "
                + "join transaction_line l on l.id = h.line_id join serial s on s.id = h.serial_id "
                + "join item i on i.id = s.item_id where h.transaction_id = ? and not h.reversal "
                + "order by l.line_no, s.serial_key", ps -> ps.setLong(1, documentId), sink);
    }

    /** These serials (by key, all existing), in the order given. */
    public <T> T ofSerials(Collection<String> keys, LabelSink<T> sink) throws Exception {
        return stream("select " + LABEL + " from unnest(?::text[]) with ordinality k(key, n) "
                + "join serial s on s.serial_key = k.key join item i on i.id = s.item_id order by k.n",
                ps -> ps.setArray(1, SqlArrays.texts(c, keys)), sink);
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private <T> T stream(String sql, Binder binder, LabelSink<T> sink) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                return sink.take(ResultRows.iterate(rs, r -> new Label(r.getString(1), r.getString(2), r.getString(3),
                        r.getString(4), r.getString(5), r.getObject(6, LocalDate.class))));
            }
        }
    }
}
