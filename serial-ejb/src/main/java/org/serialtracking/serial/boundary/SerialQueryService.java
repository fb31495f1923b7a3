package org.serialtracking.serial.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import org.serialtracking.common.Cursor;
import org.serialtracking.common.Page;
import org.serialtracking.common.RuleViolation;
import org.serialtracking.serial.HistoryType;
import org.serialtracking.serial.SerialNumber;
import org.serialtracking.serial.SerialStatus;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads serials. Lookups go through the case-insensitive key ({@code serial_key}); lists are ordered
 * by that key and paged by it (keyset), so a page deep in a long list costs what the first one does.
 */
@Stateless
public class SerialQueryService {

    private static final String SELECT = "select s.serial, i.sku, s.status, l.code, c.code, s.serial_key "
            + "from serial s join item i on i.id = s.item_id left join location l on l.id = s.location_id "
            + "left join company c on c.id = l.company_id ";

    @Resource(lookup = "jdbc/serial")
    DataSource dataSource;

    public SerialView get(String serial) {
        String value = SerialNumber.of(serial).value();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(SELECT + "where s.serial_key = lower(?)")) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw RuleViolation.notFound("Serial", value);
                }
                return view(rs);
            }
        } catch (SQLException e) {
            throw new EJBException(e);
        }
    }

    /** Oldest first. */
    public List<HistoryView> history(String serial) {
        String value = SerialNumber.of(serial).value();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select h.type, h.transaction_id, t.number, h.at, h.quantity, "
                     + "l.code, h.username, s.id from serial s left join serial_history h on h.serial_id = s.id "
                     + "left join inventory_transaction t on t.id = h.transaction_id "
                     + "left join location l on l.id = h.location_id where s.serial_key = lower(?) order by h.id")) {
            ps.setString(1, value);
            List<HistoryView> result = new ArrayList<>();
            boolean found = false;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found = true;
                    if (rs.getString(1) != null) {
                        result.add(new HistoryView(HistoryType.valueOf(rs.getString(1)), rs.getLong(2),
                                rs.getString(3), rs.getObject(4, OffsetDateTime.class), rs.getInt(5), rs.getString(6),
                                rs.getString(7)));
                    }
                }
            }
            if (!found) {
                throw RuleViolation.notFound("Serial", value);
            }
            return result;
        } catch (SQLException e) {
            throw new EJBException(e);
        }
    }

    /**
     * Serials filtered by item, status, location and a case-insensitive substring, ordered by their
     * key. Unknown SKU or location codes match nothing.
     */
    public Page<SerialView> list(String sku, SerialStatus status, String location, String q, Integer limit,
                                 String after) {
        int size = Cursor.limit(limit);
        String from = Cursor.decode(after);
        StringBuilder sql = new StringBuilder(SELECT).append("where true");
        List<Object> params = new ArrayList<>();
        if (present(sku)) {
            sql.append(" and s.item_id = (select id from item where sku = ?)");
            params.add(sku.strip());
        }
        if (status != null) {
            sql.append(" and s.status = ?");
            params.add(status.name());
        }
        if (present(location)) {
            sql.append(" and s.location_id = (select id from location where code = ?)");
            params.add(location.strip());
        }
        if (present(q)) {
            sql.append(" and s.serial_key like '%' || lower(?) || '%' escape '\\'");
            params.add(likeEscape(q.strip()));
        }
        if (from != null) {
            sql.append(" and s.serial_key > ?");
            params.add(from);
        }
        sql.append(" order by s.serial_key limit ?");
        params.add(size + 1);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            List<SerialView> items = new ArrayList<>();
            String lastKey = null;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (items.size() == size) {
                        return new Page<>(items, Cursor.encode(lastKey));
                    }
                    items.add(view(rs));
                    lastKey = rs.getString(6);
                }
            }
            return new Page<>(items, null);
        } catch (SQLException e) {
            throw new EJBException(e);
        }
    }

    /** IN_STOCK serials of an item at a location: what a shipment or a transfer line can pick from. */
    public Page<SerialView> available(String sku, String location, String q, Integer limit, String after) {
        if (!present(location)) {
            throw RuleViolation.invalid("location is required");
        }
        return list(sku, SerialStatus.IN_STOCK, location, q, limit, after);
    }

    private static SerialView view(ResultSet rs) throws SQLException {
        return new SerialView(rs.getString(1), rs.getString(2), SerialStatus.valueOf(rs.getString(3)),
                rs.getString(4), rs.getString(5));
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static String likeEscape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
