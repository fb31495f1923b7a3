package org.serialtracking.serial.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.serialtracking.common.Cursor;
import org.serialtracking.common.ErrorCode;
import org.serialtracking.common.Page;
import org.serialtracking.common.RuleViolation;
import org.serialtracking.common.Text;
import org.serialtracking.entry.control.SerialExport;
import org.serialtracking.serial.HistoryView;
import org.serialtracking.serial.SerialNumber;
import org.serialtracking.serial.SerialFilter;
import org.serialtracking.serial.SerialStatus;
import org.serialtracking.serial.SerialView;
import org.serialtracking.serial.control.SerialRepository;

import javax.sql.DataSource;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

/**
 * Reads serials (the SQL is {@link SerialRepository}): one serial and its history, the serial list
 * and its export, and what a line can pick from stock.
 */
@Stateless
public class SerialQueryService {

    static final int MAX_AUTO_SELECT = 1_000_000;

    @Resource(lookup = "jdbc/serial")
    DataSource dataSource;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS) // one statement: its own snapshot, no BEGIN/COMMIT
    public SerialView get(String serial) {
        SerialNumber sn = SerialNumber.of(serial);
        // one serial read alone also says where its warranty stands
        return read(r -> r.findWithWarranty(sn)).orElseThrow(() -> RuleViolation.notFound("Serial", sn.value()));
    }

    /** Oldest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS) // one statement: its own snapshot, no BEGIN/COMMIT
    public List<HistoryView> history(String serial) {
        SerialNumber sn = SerialNumber.of(serial);
        return read(r -> r.history(sn)).orElseThrow(() -> RuleViolation.notFound("Serial", sn.value()));
    }

    /**
     * Serials filtered by item, status, location and a case-insensitive substring, ordered by their
     * key. Unknown SKU or location codes match nothing.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS) // one statement: its own snapshot, no BEGIN/COMMIT
    public Page<SerialView> list(String sku, SerialStatus status, String location, String q, Integer limit,
                                 String after) {
        return list(sku, status, location, q, false, limit, after);
    }

    /** The same list in either direction of the serial number (both keyset-paged on the key's index). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS) // one statement: its own snapshot, no BEGIN/COMMIT
    public Page<SerialView> list(String sku, SerialStatus status, String location, String q, boolean descending,
                                 Integer limit, String after) {
        return list(new SerialFilter(sku, status, location, q), descending, limit, after);
    }

    /** The list filtered by anything {@link SerialFilter} has, in either direction of the serial number. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS) // one statement: its own snapshot, no BEGIN/COMMIT
    public Page<SerialView> list(SerialFilter filter, boolean descending, Integer limit, String after) {
        int size = Cursor.limit(limit);
        String from = Cursor.decode(after);
        Page<SerialRepository.Keyed> page = Page.of(read(r -> r.list(filter, descending, from, size + 1)), size,
                SerialRepository.Keyed::key);
        return new Page<>(page.items().stream().map(SerialRepository.Keyed::serial).toList(), page.next());
    }

    /**
     * Streams the filtered serial list as CSV or XLSX through a database cursor, so memory stays
     * flat however many serials match.
     */
    public long export(ExportFormat format, SerialFilter filter, OutputStream out) {
        try (Connection c = dataSource.getConnection()) {
            return new SerialRepository(c).export(filter, rows -> format == ExportFormat.XLSX
                    ? SerialExport.xlsx(rows, out) : SerialExport.csv(rows, out));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new EJBException(e);
        }
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
        return read(r -> r.countInStock(sku == null ? "" : sku.strip(), location == null ? "" : location.strip()));
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
        List<String> picked = read(r -> r.oldestInStock(sku.strip(), request.location().strip(), exclude,
                request.quantity()));
        if (picked.size() < request.quantity()) {
            throw new RuleViolation(ErrorCode.INSUFFICIENT_STOCK, "Only " + picked.size() + " serial(s) of "
                    + sku.strip() + " are available at " + request.location().strip() + " (not counting "
                    + exclude.size() + " excluded); " + request.quantity() + " requested");
        }
        return picked;
    }

    /** NOT_FOUND for an unknown SKU (a list would otherwise just come back empty). */
    private void requireItem(String sku) {
        Text.field("sku", sku);
        String s = sku == null ? "" : sku.strip();
        if (!read(r -> r.itemExists(s))) {
            throw RuleViolation.notFound("Item", s);
        }
    }

    /**
     * The serials of {@code serials} the system already knows, wherever they are: the serial number
     * modal marks them before a document is saved. Invalid values are skipped (the modal reports
     * them itself). At most {@link org.serialtracking.entry.control.EntryLimits} serials per call.
     */
    public List<SerialView> known(Collection<String> serials) {
        List<String> keys = serials.stream().filter(v -> v != null && SerialNumber.problemWith(v.trim()).isEmpty())
                .map(v -> SerialNumber.keyOf(v.trim())).distinct().toList();
        return keys.isEmpty() ? List.of() : read(r -> r.withKeys(keys));
    }

    @FunctionalInterface
    private interface Read<T> {
        T from(SerialRepository repository) throws SQLException;
    }

    private <T> T read(Read<T> read) {
        try (Connection c = dataSource.getConnection()) {
            return read.from(new SerialRepository(c));
        } catch (SQLException e) {
            throw new EJBException(e);
        }
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
