package org.serialtracking.transaction.control;

import org.serialtracking.common.Quantities;
import org.serialtracking.transaction.DocumentSummary;
import org.serialtracking.transaction.DocumentType;
import org.serialtracking.transaction.DocumentView;
import org.serialtracking.transaction.LineRole;
import org.serialtracking.transaction.LineView;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The SQL that reads posted documents: one with its lines and serials, or a list newest first. */
public class DocumentRepository {

    private final Connection c;

    public DocumentRepository(Connection connection) {
        this.c = connection;
    }

    public Optional<DocumentView> find(long id) throws SQLException {
        DocumentSummary head;
        OffsetDateTime cancelledAt;
        String cancelledBy;
        String supplier;
        String customer;
        String rma;
        try (PreparedStatement ps = c.prepareStatement("select t.id, t.type, t.number, t.reference, t.posted_at, "
                + "t.posted_by, t.cancelled_at, t.cancelled_by, p.code, p.kind, t.rma from inventory_transaction t "
                + "left join party p on p.id = t.party_id where t.id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                head = new DocumentSummary(rs.getLong(1), DocumentType.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getObject(5, OffsetDateTime.class), rs.getString(6), null, null,
                        rs.getString(9));
                cancelledAt = rs.getObject(7, OffsetDateTime.class);
                cancelledBy = rs.getString(8);
                supplier = "SUPPLIER".equals(rs.getString(10)) ? rs.getString(9) : null;
                customer = "CUSTOMER".equals(rs.getString(10)) ? rs.getString(9) : null;
                rma = rs.getString(11);
            }
        }
        Map<Long, List<String>> serials = new HashMap<>();
        // a move writes two history rows per serial: the MOVEOUT one names the line's serials
        try (PreparedStatement ps = c.prepareStatement("select h.line_id, s.serial from serial_history h "
                + "join serial s on s.id = h.serial_id where h.transaction_id = ? and h.type <> 'MOVEIN' and not h.reversal "
                + "order by h.id")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    serials.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        Map<Long, List<String>> inWarranty = head.type() == DocumentType.RESTOCK ? returnedInWarranty(id) : Map.of();
        List<LineView> lines = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select l.id, l.line_no, i.sku, f.code, t.code, l.quantity, "
                + "l.role, l.reason from transaction_line l join item i on i.id = l.item_id "
                + "join location f on f.id = l.location_id left join location t on t.id = l.to_location_id "
                + "where l.transaction_id = ? order by l.line_no")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String role = rs.getString(7);
                    lines.add(new LineView(rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            Quantities.plain(rs.getBigDecimal(6)), role == null ? null : LineRole.valueOf(role),
                            serials.getOrDefault(rs.getLong(1), List.of()), rs.getString(8),
                            inWarranty.getOrDefault(rs.getLong(1), List.of())));
                }
            }
        }
        return Optional.of(new DocumentView(head.id(), head.type(), head.number(), head.reference(), head.postedAt(),
                head.postedBy(), lines, cancelledAt, cancelledBy, supplier, customer, rma));
    }

    /**
     * The serials of a return that came back under warranty, by line: their item gives one, and the
     * return came before its end (warranty days from the serial's first shipment that was not cancelled).
     */
    private Map<Long, List<String>> returnedInWarranty(long id) throws SQLException {
        Map<Long, List<String>> byLine = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select h.line_id, s.serial from serial_history h "
                + "join serial s on s.id = h.serial_id join item i on i.id = s.item_id "
                + "where h.transaction_id = ? and h.type = 'RETURN' and not h.reversal and i.warranty_days is not null "
                + "and h.at < (select min(h2.at) from serial_history h2 join inventory_transaction t2 on t2.id = h2.transaction_id "
                + "where h2.serial_id = s.id and h2.type = 'SHIP' and not h2.reversal and t2.cancelled_at is null) "
                + "+ make_interval(days => i.warranty_days) order by h.id")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byLine.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        return byLine;
    }

    /** What a list of documents is filtered by; a null field filters nothing. */
    public record Filter(String sku, DocumentType type, OffsetDateTime from, OffsetDateTime before) {
    }

    /** Up to {@code limit} documents older than {@code beforeId}, newest first. */
    public List<DocumentSummary> list(Filter f, long beforeId, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("select t.id, t.type, t.number, t.reference, t.posted_at, t.posted_by, "
                // what moved, at a glance: the first items by SKU (how many in all) and the total quantity
                + "(select string_agg(x.sku, ', ') from (select distinct i.sku from transaction_line l "
                + "join item i on i.id = l.item_id where l.transaction_id = t.id order by i.sku limit 3) x), "
                + "(select count(distinct l.item_id) from transaction_line l where l.transaction_id = t.id), "
                + "(select sum(abs(l.quantity)) from transaction_line l where l.transaction_id = t.id), "
                + "(select p.code from party p where p.id = t.party_id) "
                + "from inventory_transaction t where t.id < ?");
        List<Object> params = new ArrayList<>();
        params.add(beforeId);
        if (f.type() != null) {
            sql.append(" and t.type = ?");
            params.add(f.type().name());
        }
        if (f.from() != null) {
            sql.append(" and t.posted_at >= ?");
            params.add(f.from());
        }
        if (f.before() != null) {
            sql.append(" and t.posted_at < ?");
            params.add(f.before());
        }
        if (f.sku() != null && !f.sku().isBlank()) {
            sql.append(" and exists (select 1 from transaction_line l join item i on i.id = l.item_id "
                    + "where l.transaction_id = t.id and i.sku = ?)");
            params.add(f.sku().strip());
        }
        sql.append(" order by t.id desc limit ?");
        params.add(limit);
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            List<DocumentSummary> items = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(summary(rs));
                }
            }
            return items;
        }
    }

    /**
     * A row of the list: the head and, in columns 7 to 10, the first SKUs, how many items, the total
     * quantity, the party's code.
     */
    private static DocumentSummary summary(ResultSet rs) throws SQLException {
        int itemCount = rs.getInt(8);
        String items = rs.getString(7) == null ? "" : rs.getString(7) + (itemCount > 3 ? " and " + (itemCount - 3)
                + " more" : "");
        return new DocumentSummary(rs.getLong(1), DocumentType.valueOf(rs.getString(2)), rs.getString(3),
                rs.getString(4), rs.getObject(5, OffsetDateTime.class), rs.getString(6), items,
                rs.getBigDecimal(9) == null ? null : Quantities.plain(rs.getBigDecimal(9)), rs.getString(10));
    }
}
