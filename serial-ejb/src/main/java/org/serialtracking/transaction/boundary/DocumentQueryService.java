package org.serialtracking.transaction.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import org.serialtracking.common.Cursor;
import org.serialtracking.common.Text;
import org.serialtracking.common.Page;
import org.serialtracking.common.Quantities;
import org.serialtracking.common.RuleViolation;
import org.serialtracking.transaction.DocumentType;
import org.serialtracking.transaction.LineRole;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads posted documents: one with its lines and serials, or a keyset-paged list, newest first. */
@Stateless
public class DocumentQueryService {

    @Resource(lookup = "jdbc/serial")
    DataSource dataSource;

    public DocumentView get(long id) {
        try (Connection c = dataSource.getConnection()) {
            DocumentSummary head;
            OffsetDateTime cancelledAt;
            String cancelledBy;
            try (PreparedStatement ps = c.prepareStatement("select id, type, number, reference, posted_at, posted_by, "
                    + "cancelled_at, cancelled_by from inventory_transaction where id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw RuleViolation.notFound("Document", String.valueOf(id));
                    }
                    head = new DocumentSummary(rs.getLong(1), DocumentType.valueOf(rs.getString(2)), rs.getString(3),
                            rs.getString(4), rs.getObject(5, OffsetDateTime.class), rs.getString(6), null, null);
                    cancelledAt = rs.getObject(7, OffsetDateTime.class);
                    cancelledBy = rs.getString(8);
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
            List<LineView> lines = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select l.id, l.line_no, i.sku, f.code, t.code, l.quantity, "
                    + "l.role from transaction_line l join item i on i.id = l.item_id "
                    + "join location f on f.id = l.location_id left join location t on t.id = l.to_location_id "
                    + "where l.transaction_id = ? order by l.line_no")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String role = rs.getString(7);
                        lines.add(new LineView(rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                Quantities.plain(rs.getBigDecimal(6)), role == null ? null : LineRole.valueOf(role),
                                serials.getOrDefault(rs.getLong(1), List.of())));
                    }
                }
            }
            return new DocumentView(head.id(), head.type(), head.number(), head.reference(), head.postedAt(),
                    head.postedBy(), lines, cancelledAt, cancelledBy);
        } catch (SQLException e) {
            throw new EJBException(e);
        }
    }

    /** Newest first; {@code after} is the cursor of the previous page. */
    public Page<DocumentSummary> list(String sku, DocumentType type, Integer limit, String after) {
        return list(sku, type, null, null, limit, after);
    }

    /**
     * Newest first, posted in {@code [from, before)} when given; {@code after} is the cursor of the
     * previous page.
     */
    public Page<DocumentSummary> list(String sku, DocumentType type, OffsetDateTime from, OffsetDateTime before,
                                      Integer limit, String after) {
        int size = Cursor.limit(limit);
        long beforeId = Cursor.decodeId(after, Long.MAX_VALUE);
        Text.field("sku", sku);
        StringBuilder sql = new StringBuilder("select t.id, t.type, t.number, t.reference, t.posted_at, t.posted_by, "
                // what moved, at a glance: the first items by SKU (how many in all) and the total quantity
                + "(select string_agg(x.sku, ', ') from (select distinct i.sku from transaction_line l "
                + "join item i on i.id = l.item_id where l.transaction_id = t.id order by i.sku limit 3) x), "
                + "(select count(distinct l.item_id) from transaction_line l where l.transaction_id = t.id), "
                + "(select sum(abs(l.quantity)) from transaction_line l where l.transaction_id = t.id) "
                + "from inventory_transaction t where t.id < ?");
        if (type != null) {
            sql.append(" and t.type = ?");
        }
        if (from != null) {
            sql.append(" and t.posted_at >= ?");
        }
        if (before != null) {
            sql.append(" and t.posted_at < ?");
        }
        if (sku != null && !sku.isBlank()) {
            sql.append(" and exists (select 1 from transaction_line l join item i on i.id = l.item_id "
                    + "where l.transaction_id = t.id and i.sku = ?)");
        }
        sql.append(" order by t.id desc limit ?");
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int p = 1;
            ps.setLong(p++, beforeId);
            if (type != null) {
                ps.setString(p++, type.name());
            }
            if (from != null) {
                ps.setObject(p++, from);
            }
            if (before != null) {
                ps.setObject(p++, before);
            }
            if (sku != null && !sku.isBlank()) {
                ps.setString(p++, sku.strip());
            }
            ps.setInt(p, size + 1);
            List<DocumentSummary> items = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(summary(rs));
                }
            }
            String next = null;
            if (items.size() > size) {
                items.remove(size);
                next = Cursor.encode(String.valueOf(items.get(size - 1).id()));
            }
            return new Page<>(items, next);
        } catch (SQLException e) {
            throw new EJBException(e);
        }
    }

    /** A row of the list: the head and, in columns 7 to 9, the first SKUs, how many items, the total quantity. */
    private static DocumentSummary summary(ResultSet rs) throws SQLException {
        int itemCount = rs.getInt(8);
        String items = rs.getString(7) == null ? "" : rs.getString(7) + (itemCount > 3 ? " and " + (itemCount - 3)
                + " more" : "");
        return new DocumentSummary(rs.getLong(1), DocumentType.valueOf(rs.getString(2)), rs.getString(3),
                rs.getString(4), rs.getObject(5, OffsetDateTime.class), rs.getString(6), items,
                rs.getBigDecimal(9) == null ? null : Quantities.plain(rs.getBigDecimal(9)));
    }
}
