package org.serialtracking.serial.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import org.serialtracking.common.Cursor;
import org.serialtracking.common.ErrorCode;
import org.serialtracking.common.Page;
import org.serialtracking.common.RuleViolation;
import org.serialtracking.common.Text;
import org.serialtracking.serial.HistoryType;
import org.serialtracking.serial.SerialNumber;
import org.serialtracking.serial.SerialStatus;

import org.serialtracking.entry.control.ExportRow;
import org.serialtracking.platform.control.SqlArrays;
import org.serialtracking.entry.control.SerialExport;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Reads serials. Lookups go through the case-insensitive key ({@code serial_key}); lists are ordered
 * by that key and paged by it (keyset), so a page deep in a long list costs what the first one does.
 */
@Stateless
public class SerialQueryService {

    private static final String SELECT = "select s.serial, i.sku, s.status, l.code, c.code, s.serial_key, "
            + "t.number, t.posted_at "
            + "from serial s join item i on i.id = s.item_id left join location l on l.id = s.location_id "
            + "left join company c on c.id = l.company_id "
            + "left join inventory_transaction t on t.id = s.last_transaction_id ";

    static final int MAX_AUTO_SELECT = 1_000_000;

    @Resource(lookup = "jdbc/serial")
    DataSource dataSource;

    public SerialView get(String serial) {
        SerialNumber sn = SerialNumber.of(serial);
        String value = sn.value();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(SELECT + "where s.serial_key = ?")) {
            ps.setString(1, sn.key());
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
        SerialNumber sn = SerialNumber.of(serial);
        String value = sn.value();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select h.type, h.transaction_id, t.number, h.at, h.quantity, "
                     + "l.code, h.username, h.reversal from serial s left join serial_history h on h.serial_id = s.id "
                     + "left join inventory_transaction t on t.id = h.transaction_id "
                     + "left join location l on l.id = h.location_id where s.serial_key = ? order by h.id")) {
            ps.setString(1, sn.key());
            List<HistoryView> result = new ArrayList<>();
            boolean found = false;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found = true;
                    if (rs.getString(1) != null) {
                        result.add(new HistoryView(HistoryType.valueOf(rs.getString(1)), rs.getLong(2),
                                rs.getString(3), rs.getObject(4, OffsetDateTime.class), rs.getInt(5), rs.getString(6),
                                rs.getString(7), rs.getBoolean(8)));
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
        return list(sku, status, location, q, false, limit, after);
    }

    /** The same list in either direction of the serial number (both keyset-paged on the key's index). */
    public Page<SerialView> list(String sku, SerialStatus status, String location, String q, boolean descending,
                                 Integer limit, String after) {
        int size = Cursor.limit(limit);
        String from = Cursor.decode(after);
        List<Object> params = new ArrayList<>();
        StringBuilder sql = filtered(sku, status, location, q, params);
        if (from != null) {
            sql.append(descending ? " and s.serial_key < ?" : " and s.serial_key > ?");
            params.add(from);
        }
        sql.append(descending ? " order by s.serial_key desc limit ?" : " order by s.serial_key limit ?");
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

    /**
     * Streams the filtered serial list as CSV or XLSX, read through a database cursor (rows are
     * fetched a thousand at a time), so memory stays flat however many serials match.
     */
    public long export(ExportFormat format, String sku, SerialStatus status, String location, String q,
                       OutputStream out) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = filtered(sku, status, location, q, params).append(" order by s.serial_key");
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            // inside the JTA transaction autocommit is off, so the driver reads through a cursor
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                Iterator<ExportRow> rows = new Iterator<>() {
                    Boolean ahead;

                    @Override
                    public boolean hasNext() {
                        try {
                            if (ahead == null) {
                                ahead = rs.next();
                            }
                            return ahead;
                        } catch (SQLException e) {
                            throw new EJBException(e);
                        }
                    }

                    @Override
                    public ExportRow next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        ahead = null;
                        try {
                            return new ExportRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                    rs.getString(5));
                        } catch (SQLException e) {
                            throw new EJBException(e);
                        }
                    }
                };
                return format == ExportFormat.XLSX ? SerialExport.xlsx(rows, out) : SerialExport.csv(rows, out);
            }
        } catch (SQLException | IOException e) {
            throw new EJBException(e);
        }
    }

    /** The serial list's query up to its order: every filter that is given, none that is not. */
    private static StringBuilder filtered(String sku, SerialStatus status, String location, String q,
                                          List<Object> params) {
        Text.field("sku", sku);
        Text.field("location", location);
        StringBuilder sql = new StringBuilder(SELECT).append("where true");
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
            sql.append(" and s.serial_key like '%' || ? || '%' escape '\\'");
            params.add(Text.likeEscape(SerialNumber.keyOf(q)));
        }
        return sql;
    }

    /** IN_STOCK serials of an item at a location: what a shipment or a transfer line can pick from. */
    public Page<SerialView> available(String sku, String location, String q, Integer limit, String after) {
        requireItem(sku);
        if (!present(location)) {
            throw RuleViolation.invalid("location is required");
        }
        return list(sku, SerialStatus.IN_STOCK, location, q, limit, after);
    }

    /** How many serials of an item are on hand at a location (0 for unknown codes). */
    public long countAvailable(String sku, String location) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) from serial s "
                     + "where s.item_id = (select id from item where sku = ?) "
                     + "and s.location_id = (select id from location where code = ?) and s.status = 'IN_STOCK'")) {
            ps.setString(1, sku == null ? "" : sku.strip());
            ps.setString(2, location == null ? "" : location.strip());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new EJBException(e);
        }
    }

    /** FIFO: the oldest received serials first; INSUFFICIENT_STOCK names how many are available. */
    public List<String> autoSelect(String sku, AutoSelect request) {
        requireItem(sku);
        if (request == null || !present(request.location())) {
            throw RuleViolation.invalid("location is required");
        }
        Text.field("location", request.location());
        if (request.quantity() == null || request.quantity() < 1 || request.quantity() > MAX_AUTO_SELECT) {
            throw RuleViolation.invalid("quantity must be between 1 and " + MAX_AUTO_SELECT);
        }
        // serials, so they obey the serial rules (named if they break them) before they reach SQL
        List<String> exclude = request.exclude() == null ? List.of()
                : SerialNumber.allOf(request.exclude().stream().filter(e -> e != null && !e.isBlank()).toList())
                .stream().map(SerialNumber::key).toList();
        String where = "from serial s where s.item_id = (select id from item where sku = ?) "
                + "and s.location_id = (select id from location where code = ?) and s.status = 'IN_STOCK' "
                + "and s.serial_key <> all (?::text[])";
        try (Connection c = dataSource.getConnection()) {
            List<String> picked = new ArrayList<>(request.quantity());
            try (PreparedStatement ps = c.prepareStatement("select s.serial " + where
                    + " order by s.received_at, s.id limit ?")) {
                ps.setString(1, sku.strip());
                ps.setString(2, request.location().strip());
                ps.setArray(3, SqlArrays.texts(c, exclude));
                ps.setInt(4, request.quantity());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        picked.add(rs.getString(1));
                    }
                }
            }
            if (picked.size() < request.quantity()) {
                throw new RuleViolation(ErrorCode.INSUFFICIENT_STOCK, "Only " + picked.size() + " serial(s) of "
                        + sku.strip() + " are available at " + request.location().strip() + " (not counting "
                        + exclude.size() + " excluded); " + request.quantity() + " requested");
            }
            return picked;
        } catch (SQLException e) {
            throw new EJBException(e);
        }
    }

    /** NOT_FOUND for an unknown SKU (a list would otherwise just come back empty). */
    private void requireItem(String sku) {
        Text.field("sku", sku);
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select 1 from item where sku = ?")) {
            ps.setString(1, sku == null ? "" : sku.strip());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw RuleViolation.notFound("Item", sku == null ? "" : sku.strip());
                }
            }
        } catch (SQLException e) {
            throw new EJBException(e);
        }
    }

    /**
     * The serials of {@code serials} the system already knows, wherever they are: the serial number
     * modal marks them before a document is saved. Invalid values are skipped (the modal reports
     * them itself). At most {@link org.serialtracking.entry.control.EntryLimits} serials per call.
     */
    public List<SerialView> known(java.util.Collection<String> serials) {
        List<String> keys = serials.stream().filter(v -> v != null && SerialNumber.problemWith(v.trim()).isEmpty())
                .map(v -> SerialNumber.keyOf(v.trim())).distinct().toList();
        if (keys.isEmpty()) {
            return List.of();
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(SELECT + "where s.serial_key = any(?) order by s.serial_key")) {
            ps.setArray(1, SqlArrays.texts(c, keys));
            List<SerialView> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(view(rs));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new EJBException(e);
        }
    }

    private static SerialView view(ResultSet rs) throws SQLException {
        return new SerialView(rs.getString(1), rs.getString(2), SerialStatus.valueOf(rs.getString(3)),
                rs.getString(4), rs.getString(5), rs.getString(7), rs.getObject(8, OffsetDateTime.class));
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
