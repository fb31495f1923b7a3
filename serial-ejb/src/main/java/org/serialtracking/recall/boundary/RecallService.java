package org.serialtracking.recall.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.serialtracking.audit.boundary.AuditLog;
import org.serialtracking.common.Cursor;
import org.serialtracking.common.ErrorCode;
import org.serialtracking.common.Page;
import org.serialtracking.common.RuleViolation;
import org.serialtracking.entry.control.SerialExport;
import org.serialtracking.recall.RecallCommand;
import org.serialtracking.recall.RecallCriteria;
import org.serialtracking.recall.RecallUnit;
import org.serialtracking.recall.RecallView;
import org.serialtracking.recall.UnitState;
import org.serialtracking.recall.control.RecallRepository;
import org.serialtracking.recall.control.RecallRepository.Stored;
import org.serialtracking.recall.control.RecallRepository.UnitFilter;
import org.serialtracking.recall.control.RecallRules;
import org.serialtracking.serial.SerialNumber;
import org.serialtracking.serial.control.SerialRepository;
import org.serialtracking.serial.boundary.ExportFormat;

import javax.sql.DataSource;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Recalls (issue 14). Creating one checks the request ({@link RecallRules}), resolves every
 * criterion to suspect serials in the same transaction (unknown serials, items, locations, suppliers
 * or receipts refuse the whole recall, naming them) and audits it. Reading one walks up from its
 * suspects to the units they are in now: a unit returned since shows as RETURNED.
 */
@Stateless
public class RecallService {

    /** The columns of an export, one row per unit. */
    public static final List<String> EXPORT_HEADER = List.of("Unit serial", "SKU", "State", "Location", "Customer",
            "Shipment", "Shipped at", "Warranty", "Warranty ends", "Suspect", "Why suspect", "Suspect via", "Path",
            "Exact");

    private static final Jsonb JSON = JsonbBuilder.create();

    @Resource(lookup = "jdbc/serial")
    DataSource dataSource;

    @Resource
    SessionContext context;

    @EJB
    AuditLog audit;

    public RecallView create(RecallCommand command) {
        RecallRules.Request request = RecallRules.check(command);
        try (Connection c = dataSource.getConnection()) {
            RecallRepository repo = new RecallRepository(c);
            String[] keys = request.serials().stream().map(SerialNumber::key).toArray(String[]::new);
            new SerialRepository(c).requireKnown(request.serials());
            long[] suppliers = repo.supplierIds(request.suppliers().toArray(String[]::new));
            String[] receipts = request.receipts().toArray(String[]::new);
            List<String> notReceipts = repo.notReceipts(receipts);
            if (!notReceipts.isEmpty()) {
                throw RuleViolation.invalid("Not receipts: " + String.join(", ", notReceipts));
            }
            Stored recall = repo.insert(request.reason(), JSON.toJson(request.criteria()),
                    context.getCallerPrincipal().getName());
            if (keys.length > 0) {
                repo.addSerials(recall.id(), keys);
            }
            for (RecallRules.Window w : request.components()) {
                repo.addConsumed(recall.id(), repo.itemId(w.sku()),
                        w.from(), w.until(), w.location() == null ? null : repo.locationId(w.location()));
            }
            if (suppliers.length > 0 || receipts.length > 0) {
                repo.addReceived(recall.id(), suppliers, receipts);
            }
            Stored saved = repo.find(recall.number());
            audit.record(AuditLog.Action.RECALL_CREATED, saved.number(), saved.suspects() + " suspect serial(s): "
                    + saved.reason());
            return view(saved).withCounts(repo.counts(saved.id()));
        } catch (SQLException e) {
            throw new EJBException(e);
        }
    }

    /**
     * The serials of these (valid) ones that do not exist, as spelled: what a screen says of a scan
     * before the recall is made.
     */
    public List<String> unknownSerials(List<String> serials) {
        List<SerialNumber> numbers = SerialNumber.allOf(serials);
        if (numbers.isEmpty()) {
            return List.of();
        }
        try (Connection c = dataSource.getConnection()) {
            return new SerialRepository(c).unknown(numbers);
        } catch (SQLException e) {
            throw new EJBException(e);
        }
    }

    /** 404 when there is no such recall; reads the recall alone (no walk), e.g. before a download starts. */
    public void requireRecall(String number) {
        try (Connection c = dataSource.getConnection()) {
            require(new RecallRepository(c), number);
        } catch (SQLException e) {
            throw new EJBException(e);
        }
    }

    /** One recall with the units it reaches now, counted by state and customer. */
    public RecallView get(String number) {
        try (Connection c = dataSource.getConnection()) {
            RecallRepository repo = new RecallRepository(c);
            Stored s = require(repo, number);
            return view(s).withCounts(repo.counts(s.id()));
        } catch (SQLException e) {
            throw new EJBException(e);
        }
    }

    /** Recalls, newest first, optionally only OPEN or CLOSED ones. */
    public Page<RecallView> list(String status, Integer limit, String after) {
        int size = Cursor.limit(limit);
        String wanted = status == null || status.isBlank() ? null : status(status).name();
        try (Connection c = dataSource.getConnection()) {
            Page<Stored> page = Page.of(new RecallRepository(c).list(wanted, Cursor.decodeId(after, 0), size + 1),
                    size, s -> String.valueOf(s.id()));
            return new Page<>(page.items().stream().map(RecallService::view).toList(), page.next());
        } catch (SQLException e) {
            throw new EJBException(e);
        }
    }

    /** A page of the units the recall reaches, by serial, filtered by state and customer. */
    public Page<RecallUnit> units(String number, String state, String customer, Integer limit, String after) {
        int size = Cursor.limit(limit);
        try (Connection c = dataSource.getConnection()) {
            RecallRepository repo = new RecallRepository(c);
            Stored s = require(repo, number);
            String afterKey = after == null || after.isBlank() ? null : Cursor.decode(after);
            List<RecallUnit> units = repo.units(s.id(), filter(state, customer), afterKey, size + 1);
            return Page.of(units, size, u -> SerialNumber.keyOf(u.serial()));
        } catch (SQLException e) {
            throw new EJBException(e);
        }
    }

    /** Streams every unit (filtered) as CSV or XLSX through a database cursor. */
    public long export(String number, String state, String customer, ExportFormat format, OutputStream out) {
        try (Connection c = dataSource.getConnection()) {
            RecallRepository repo = new RecallRepository(c);
            Stored s = require(repo, number);
            return repo.export(s.id(), filter(state, customer), units -> format == ExportFormat.XLSX
                    ? SerialExport.xlsx(s.number(), EXPORT_HEADER, units, RecallService::cells, out)
                    : SerialExport.csv(EXPORT_HEADER, units, RecallService::cells, out));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new EJBException(e);
        }
    }

    /** Closes an open recall, with a note; 409 CONFLICT when it is closed already. */
    public RecallView close(String number, String note) {
        String text = note == null ? null : note.strip();
        if (text != null && text.length() > RecallRules.MAX_REASON) {
            throw RuleViolation.invalid("note is at most " + RecallRules.MAX_REASON + " characters");
        }
        try (Connection c = dataSource.getConnection()) {
            RecallRepository repo = new RecallRepository(c);
            Long id = repo.lock(number == null ? "" : number.strip());
            if (id == null) {
                throw RuleViolation.notFound("Recall", number);
            }
            if (!repo.close(id, context.getCallerPrincipal().getName(), text == null || text.isEmpty() ? null : text)) {
                throw new RuleViolation(ErrorCode.CONFLICT, "Recall " + number.strip() + " is closed already");
            }
            audit.record(AuditLog.Action.RECALL_CLOSED, number.strip(), text == null ? "" : text);
            Stored s = repo.find(number.strip());
            return view(s).withCounts(repo.counts(s.id()));
        } catch (SQLException e) {
            throw new EJBException(e);
        }
    }


    private static Stored require(RecallRepository repo, String number) throws SQLException {
        Stored s = repo.find(number == null ? "" : number.strip());
        if (s == null) {
            throw RuleViolation.notFound("Recall", number);
        }
        return s;
    }

    private static UnitFilter filter(String state, String customer) {
        UnitState s = null;
        if (state != null && !state.isBlank()) {
            try {
                s = UnitState.valueOf(state.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw RuleViolation.invalid("status must be one of " + Arrays.toString(UnitState.values()));
            }
        }
        return new UnitFilter(s, customer == null || customer.isBlank() ? null : customer.strip());
    }

    private static RecallView.Status status(String status) {
        try {
            return RecallView.Status.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw RuleViolation.invalid("status must be OPEN or CLOSED");
        }
    }

    private static RecallView view(Stored s) {
        return new RecallView(s.number(), s.reason(), RecallView.Status.valueOf(s.status()),
                JSON.fromJson(s.criteria(), RecallCriteria.class), s.suspects(), s.createdAt(), s.createdBy(),
                s.closedAt(), s.closedBy(), s.closingNote(), null);
    }

    private static List<String> cells(RecallUnit u) {
        DateTimeFormatter iso = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
        return Arrays.asList(u.serial(), u.sku(), u.state().name(), u.location(), u.customer(), u.shipment(),
                u.shippedAt() == null ? null : iso.format(u.shippedAt()),
                u.warranty() == null ? null : u.warranty().status().name(),
                u.warranty() == null || u.warranty().end() == null ? null : iso.format(u.warranty().end()),
                u.suspect(), u.source(), u.document(), String.join(" > ", u.path()), u.exact() ? "yes" : "no");
    }
}
