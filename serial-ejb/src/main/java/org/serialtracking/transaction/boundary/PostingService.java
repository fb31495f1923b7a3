package org.serialtracking.transaction.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import org.serialtracking.audit.boundary.AuditLog;
import org.serialtracking.common.ErrorCode;
import org.serialtracking.common.RuleViolation;
import org.serialtracking.format.control.AutoSerials;
import org.serialtracking.format.control.CounterRepository;
import org.serialtracking.format.control.SerialFormat;
import org.serialtracking.item.entity.SerialState;
import org.serialtracking.platform.boundary.TimeSource;
import org.serialtracking.platform.control.DatabaseRefusal;
import org.serialtracking.serial.HistoryType;
import org.serialtracking.serial.SerialNumber;
import org.serialtracking.serial.SerialStatus;
import org.serialtracking.transaction.DocumentType;
import org.serialtracking.transaction.control.DocumentRules;
import org.serialtracking.transaction.control.ExistingSerial;
import org.serialtracking.transaction.control.IdempotencyRepository;
import org.serialtracking.transaction.control.ItemFacts;
import org.serialtracking.transaction.control.LocationFacts;
import org.serialtracking.transaction.control.Movement;
import org.serialtracking.transaction.control.PlannedLine;
import org.serialtracking.transaction.control.PostingRepository;
import org.serialtracking.transaction.control.PostingRepository.HistoryRow;
import org.serialtracking.transaction.control.RequestFingerprint;
import org.serialtracking.transaction.control.ResolvedLine;
import org.serialtracking.transaction.control.StockChanges;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Posts inventory documents. One call is one JTA transaction: the document posts whole, or a
 * {@link RuleViolation} rolls every write back. The order of work:
 * <ol>
 *     <li>rules that need no database ({@link DocumentRules#checkShape}),</li>
 *     <li>the settings row, the items and the named serials are locked (share, share, update); a
 *     document of only new serials looks none up: the unique key finds one that exists as its
 *     serials are inserted, and only then are they looked up and named,</li>
 *     <li>rules that need them ({@link DocumentRules#plan}, then {@link #checkSerials}),</li>
 *     <li>set-wise writes: header, lines, then the stock rows are locked in (item, location) order,
 *     serials and history (new serials with their history in one statement), stock, and the number
 *     last.</li>
 * </ol>
 */
@Stateless
public class PostingService {

    /** How often a generated serial that a concurrent document took first is replaced. */
    static final int MAX_REISSUES = 10;

    /** Idempotency keys are kept a week (at least a day is promised). */
    static final int KEEP_KEYS_DAYS = 7;

    @Resource(lookup = "jdbc/serial")
    DataSource dataSource;

    @Resource
    SessionContext context;

    @EJB
    TimeSource time;

    @EJB
    DocumentQueryService documents;

    @EJB
    AuditLog audit;

    public DocumentView post(DocumentCommand command) {
        return post(command, false);
    }

    /**
     * Posts once per idempotency key: a retry with the same key and the same document gets the
     * first posting's document back (replayed), the same key with another document is refused.
     * Keys are per user and kept {@value #KEEP_KEYS_DAYS} days.
     */
    public Posted post(DocumentCommand command, String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return new Posted(post(command), false);
        }
        String key = idempotencyKey.strip();
        if (key.length() > 200 || key.chars().anyMatch(Character::isISOControl)) {
            throw RuleViolation.invalid("Idempotency-Key must be at most 200 characters without control characters");
        }
        String user = context.getCallerPrincipal().getName();
        String hash = RequestFingerprint.of(command);
        try (Connection c = dataSource.getConnection()) {
            IdempotencyRepository keys = new IdempotencyRepository(c);
            keys.purgeOlderThan(KEEP_KEYS_DAYS);
            Optional<IdempotencyRepository.Used> used = keys.claim(user, key, hash);
            if (used.isPresent()) {
                if (!used.get().requestHash().equals(hash) || used.get().transactionId() == null) {
                    throw new RuleViolation(ErrorCode.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key '" + key
                            + "' was used for a different document; use a new key for a new document");
                }
                return new Posted(documents.get(used.get().transactionId()), true);
            }
            DocumentView posted = post(command);
            keys.complete(user, key, posted.id());
            return new Posted(posted, false);
        } catch (SQLException e) {
            throw DatabaseRefusal.translate(e);
        }
    }

    /**
     * Also posts the internal documents of other services (initial stock, serial initialization),
     * inside their transaction.
     */
    public DocumentView post(DocumentCommand command, boolean internal) {
        DocumentRules.checkShape(command == null ? null : command.type(), command == null ? null : command.lines(),
                internal);
        String user = context.getCallerPrincipal().getName();
        try (Connection c = dataSource.getConnection()) {
            PostingRepository repo = new PostingRepository(c);
            PostingRepository.Switches switches = repo.lockSettings();
            List<ResolvedLine> resolved = resolve(repo, command.lines());
            Issuer issuer = null;
            if (switches.serialTracking() && switches.autoSerialNumber()) {
                issuer = new Issuer(new AutoSerials(new CounterRepository(c)), reservedKeys(resolved), time.now(),
                        new HashMap<>());
                resolved = issueAutoSerials(issuer, command.type(), resolved);
            }
            List<PlannedLine> plan = DocumentRules.plan(command.type(), resolved, switches.serialTracking());

            // A document that only brings new serials (a receipt, a build's output) looks none up
            // first: the unique key finds any that exists when its serials are inserted, and only
            // then are they looked up, to name them (see applySerials). Others lock what they name.
            boolean onlyNew = plan.stream().allMatch(p -> p.movement().accepts() == Movement.Accepts.NEW);
            Map<String, ExistingSerial> existing = onlyNew ? Map.of() : lockExisting(repo, plan, issuer);
            checkSerials(plan, existing);

            PostingRepository.Header header = repo.insertHeader(command.type(), trim(command.reference()), user);
            Map<Integer, Long> lineIds = repo.insertLines(header.id(), resolved);
            // stock rows are locked (and held to the end) only now, just before the serial writes
            // that count on them: concurrent documents on the same stock wait for the shortest time
            StockChanges stock = stockChanges(plan);
            stock.lock(repo);
            Map<Integer, List<String>> serialsByLine = new HashMap<>();
            for (int i = 0; i < plan.size(); i++) {
                PlannedLine line = plan.get(i);
                if (!line.serials().isEmpty()) {
                    List<PlannedLine> rest = plan.subList(i, plan.size());
                    Issuer lineIssuer = issuer;
                    // what the lookup before writes would have refused: serials that exist, named
                    // for this line and the lines after it (the lines before inserted theirs)
                    ConflictCheck onConflict = onlyNew ? () -> checkSerials(rest, lockExisting(repo, rest, lineIssuer))
                            : () -> { };
                    serialsByLine.put(line.lineNo(), applySerials(repo, line, existing, header.id(),
                            lineIds.get(line.lineNo()), user, issuer, onConflict));
                }
            }
            stock.apply(repo, "Insufficient stock of");
            repo.checkStockMatchesSerials();
            String number = repo.assignNumber(header.id(), command.type());
            int serialCount = serialsByLine.values().stream().mapToInt(List::size).sum();
            audit.record(AuditLog.Action.DOCUMENT_POSTED, number, command.type() + ", " + plan.size() + " line(s), "
                    + serialCount + " serial(s)" + (trim(command.reference()) == null ? ""
                    : ", reference " + trim(command.reference())));
            return view(header, number, command, plan, serialsByLine, user);
        } catch (SQLException e) {
            throw DatabaseRefusal.translate(e);
        }
    }

    private static List<ResolvedLine> resolve(PostingRepository repo, List<LineCommand> lines) throws SQLException {
        Set<String> skus = new LinkedHashSet<>();
        Set<String> codes = new LinkedHashSet<>();
        for (LineCommand l : lines) {
            skus.add(l.sku().strip());
            codes.add(l.location().strip());
            if (l.toLocation() != null && !l.toLocation().isBlank()) {
                codes.add(l.toLocation().strip());
            }
        }
        Map<String, ItemFacts> items = repo.lockItems(skus);
        Map<String, LocationFacts> locations = repo.locations(codes);
        List<ResolvedLine> resolved = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            LineCommand l = lines.get(i);
            ItemFacts item = items.get(l.sku().strip());
            if (item == null) {
                throw RuleViolation.notFound("Item", l.sku().strip());
            }
            LocationFacts location = location(locations, l.location());
            LocationFacts to = l.toLocation() == null || l.toLocation().isBlank() ? null
                    : location(locations, l.toLocation());
            resolved.add(new ResolvedLine(i + 1, item, location, to, l.quantity(), l.role(), l.serialsOrEmpty()));
        }
        return resolved;
    }

    /**
     * Fills the serials of add-mode lines that give a quantity and no serials, for items whose auto
     * serial numbers are on (issue 3). Serials given explicitly are used as given; a restock never
     * generates (it takes back known serials).
     */
    private static List<ResolvedLine> issueAutoSerials(Issuer issuer, DocumentType type, List<ResolvedLine> lines)
            throws SQLException {
        List<ResolvedLine> result = new ArrayList<>(lines.size());
        for (ResolvedLine l : lines) {
            ItemFacts item = l.item();
            Movement m = Movement.of(type, l.role(), l.quantity());
            boolean generates = item.trackSerials() && item.autoSerialFormat() != null && l.rawSerials().isEmpty()
                    && m.mode() == Movement.Mode.ADD && m.accepts() != Movement.Accepts.SHIPPED_ONLY
                    && (item.state() == SerialState.TRACKED || type == DocumentType.SERIAL_INIT)
                    && DocumentRules.isWhole(l.quantity())
                    && l.quantity().compareTo(BigDecimal.valueOf(DocumentRules.MAX_SERIALS)) <= 0;
            if (!generates) {
                result.add(l);
                continue;
            }
            SerialFormat format = SerialFormat.parse(item.autoSerialFormat(), item.sku());
            issuer.formats().put(l.lineNo(), format);
            // not looked up: a number whose serial exists is found and replaced when inserting
            List<String> serials = issuer.issue(l.lineNo(), item, l.quantity().intValueExact(), false);
            result.add(new ResolvedLine(l.lineNo(), item, l.location(), l.toLocation(), l.quantity(), l.role(),
                    serials));
        }
        return result;
    }

    /** The serial keys a document names explicitly: generated serials must not take them. */
    private static Set<String> reservedKeys(List<ResolvedLine> lines) {
        Set<String> reserved = new HashSet<>();
        for (ResolvedLine l : lines) {
            for (String s : l.rawSerials()) {
                if (s != null) {
                    reserved.add(SerialNumber.keyOf(s.strip()));
                }
            }
        }
        return reserved;
    }

    /** Issues the auto serials of one document: one moment, one set of keys already used. */
    private record Issuer(AutoSerials auto, Set<String> reserved, ZonedDateTime now, Map<Integer, SerialFormat> formats) {

        boolean generated(int lineNo) {
            return formats.containsKey(lineNo);
        }

        List<String> issue(int lineNo, ItemFacts item, int count, boolean lookUpTaken) throws SQLException {
            return auto.issue(item.id(), item.sku(), formats.get(lineNo), now, count, reserved, lookUpTaken);
        }
    }

    private static LocationFacts location(Map<String, LocationFacts> locations, String code) {
        LocationFacts found = locations.get(code.strip());
        if (found == null) {
            throw RuleViolation.notFound("Location", code.strip());
        }
        return found;
    }

    /**
     * Locks every named serial that exists, keyed by its case-insensitive key. Generated serials are
     * left out: they were free when issued, and one that a concurrent document takes before this one
     * inserts it is replaced at insertion.
     */
    private static Map<String, ExistingSerial> lockExisting(PostingRepository repo, List<PlannedLine> plan,
                                                            Issuer issuer) throws SQLException {
        List<String> values = new ArrayList<>();
        for (PlannedLine l : plan) {
            if (issuer != null && issuer.generated(l.lineNo())) {
                continue;
            }
            for (SerialNumber s : l.serials()) {
                values.add(s.value());
            }
        }
        Map<String, ExistingSerial> byKey = new HashMap<>(values.size() * 2);
        for (ExistingSerial e : repo.lockExisting(values)) {
            byKey.put(SerialNumber.keyOf(e.serial()), e);
        }
        return byKey;
    }

    /**
     * Rules 4 and 5, for the whole document at once so that every offending serial is named:
     * an added serial is new (or returnable / found), a removed or moved one is in stock here.
     */
    static void checkSerials(List<PlannedLine> plan, Map<String, ExistingSerial> existing) {
        List<String> duplicates = new ArrayList<>();
        List<String> notReturnable = new ArrayList<>();
        List<String> notAvailable = new ArrayList<>();
        for (PlannedLine line : plan) {
            long itemId = line.line().item().id();
            long locationId = line.line().location().id();
            for (SerialNumber s : line.serials()) {
                ExistingSerial e = existing.get(s.key());
                switch (line.movement().mode()) {
                    case ADD -> {
                        switch (line.movement().accepts()) {
                            case NEW -> {
                                if (e != null) {
                                    duplicates.add(s.value());
                                }
                            }
                            case NEW_OR_REMOVED -> {
                                if (e != null && !(e.itemId() == itemId && e.status() == SerialStatus.REMOVED)) {
                                    duplicates.add(s.value());
                                }
                            }
                            case SHIPPED_ONLY -> {
                                if (e == null || e.itemId() != itemId || e.status() != SerialStatus.SHIPPED) {
                                    notReturnable.add(s.value());
                                }
                            }
                        }
                    }
                    case REMOVE, MOVE -> {
                        if (e == null || e.itemId() != itemId || e.status() != SerialStatus.IN_STOCK
                                || e.locationId() == null || e.locationId() != locationId) {
                            notAvailable.add(s.value());
                        }
                    }
                }
            }
        }
        if (!duplicates.isEmpty()) {
            throw new RuleViolation(ErrorCode.DUPLICATE_SERIAL, duplicates.size()
                    + " serial(s) already exist in the system (serials are unique, case-insensitively; a consumed "
                    + "serial never returns, a removed one only by an adjustment of the same item)", duplicates);
        }
        if (!notReturnable.isEmpty()) {
            throw new RuleViolation(ErrorCode.SERIAL_NOT_RETURNABLE, notReturnable.size()
                    + " serial(s) cannot be restocked: a return takes back only shipped serials of the same item",
                    notReturnable);
        }
        if (!notAvailable.isEmpty()) {
            throw new RuleViolation(ErrorCode.SERIAL_NOT_AVAILABLE, notAvailable.size()
                    + " serial(s) are not in stock for this item at the line's location", notAvailable);
        }
    }

    /** Writes one line's serials and history; returns the serials as stored. */
    /** Runs when the fast insert of a line's new serials met one that exists. */
    @FunctionalInterface
    private interface ConflictCheck {
        void run() throws SQLException;
    }

    private static List<String> applySerials(PostingRepository repo, PlannedLine line,
                                             Map<String, ExistingSerial> existing, long transactionId, long lineId,
                                             String user, Issuer issuer, ConflictCheck onConflict)
            throws SQLException {
        ResolvedLine l = line.line();
        Movement m = line.movement();
        List<String> stored = new ArrayList<>(line.serials().size());
        List<Long> ids = new ArrayList<>(line.serials().size());
        List<SerialNumber> fresh = new ArrayList<>();
        for (SerialNumber s : line.serials()) {
            ExistingSerial e = existing.get(s.key());
            if (e == null) {
                fresh.add(s);
            } else {
                ids.add(e.id());
                stored.add(e.serial());
            }
        }
        switch (m.mode()) {
            case ADD -> {
                if (ids.isEmpty() && !fresh.isEmpty()) {
                    // sorted by key: concurrent documents insert overlapping serials in the same order
                    fresh.sort(Comparator.comparing(SerialNumber::key));
                    List<String> values = fresh.stream().map(SerialNumber::value).toList();
                    if (repo.insertNewWithHistory(values, l.item().id(), l.location().id(), transactionId, lineId,
                            m.history(), user)) {
                        stored.addAll(values);
                        break;
                    }
                    onConflict.run();
                }
                // known serials taken back (a restock, a found write-off), with their history
                repo.changeSerials(toArray(ids), SerialStatus.IN_STOCK, l.location().id(), transactionId, true,
                        lineId, user, false, new HistoryRow(m.history(), 1, l.location().id()));
                if (!fresh.isEmpty()) {
                    // sorted by key: concurrent documents insert overlapping serials in the same order
                    fresh.sort(Comparator.comparing(SerialNumber::key));
                    List<String> values = fresh.stream().map(SerialNumber::value).toList();
                    for (int attempt = 0; !values.isEmpty(); attempt++) {
                        Map<String, Long> inserted = repo.insertNew(values, l.item().id(), l.location().id(),
                                transactionId, lineId, m.history(), user);
                        List<String> lost = new ArrayList<>();
                        for (String v : values) {
                            if (inserted.containsKey(v)) {
                                stored.add(v);
                            } else {
                                lost.add(v);
                            }
                        }
                        // a concurrent document took some of these serials first: a generated serial
                        // is replaced by the next free numbers, a serial given by the user is refused
                        boolean replace = !lost.isEmpty() && issuer != null && issuer.generated(line.lineNo())
                                && attempt < MAX_REISSUES;
                        if (!lost.isEmpty() && !replace) {
                            throw new RuleViolation(ErrorCode.DUPLICATE_SERIAL, lost.size()
                                    + " serial(s) were just created by another document", lost);
                        }
                        values = replace ? issuer.issue(line.lineNo(), l.item(), lost.size(), true) : List.of();
                    }
                }
            }
            case REMOVE -> repo.changeSerials(toArray(ids), m.statusAfterRemoval(), null, transactionId, false, lineId,
                    user, false, new HistoryRow(m.history(), -1, l.location().id()));
            case MOVE -> repo.changeSerials(toArray(ids), SerialStatus.IN_STOCK, l.toLocation().id(), transactionId,
                    false, lineId, user, false, new HistoryRow(HistoryType.MOVEOUT, -1, l.location().id()),
                    new HistoryRow(HistoryType.MOVEIN, 1, l.toLocation().id()));
        }
        return stored;
    }

    /**
     * Rule 6: the document's net stock change per item and location (see {@link StockChanges}); a
     * line that changes no quantity (serial initialization) still names its stock row, whose count
     * of serials in stock its serials change.
     */
    private static StockChanges stockChanges(List<PlannedLine> plan) {
        StockChanges changes = new StockChanges();
        for (PlannedLine line : plan) {
            ResolvedLine l = line.line();
            if (!line.movement().changesStock()) {
                changes.add(l.item(), l.location(), BigDecimal.ZERO);
                continue;
            }
            if (line.movement().mode() == Movement.Mode.MOVE) {
                changes.add(l.item(), l.location(), l.quantity().negate());
                changes.add(l.item(), l.toLocation(), l.quantity());
            } else {
                changes.add(l.item(), l.location(), line.delta());
            }
        }
        return changes;
    }

    private static DocumentView view(PostingRepository.Header header, String number, DocumentCommand command,
                                     List<PlannedLine> plan, Map<Integer, List<String>> serialsByLine, String user) {
        List<LineView> lines = new ArrayList<>(plan.size());
        for (PlannedLine p : plan) {
            ResolvedLine l = p.line();
            lines.add(new LineView(l.lineNo(), l.item().sku(), l.location().code(),
                    l.toLocation() == null ? null : l.toLocation().code(), l.quantity(), l.role(),
                    serialsByLine.getOrDefault(l.lineNo(), List.of())));
        }
        return new DocumentView(header.id(), command.type(), number, trim(command.reference()), header.postedAt(), user,
                lines, null, null);
    }

    private static long[] toArray(List<Long> ids) {
        long[] a = new long[ids.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = ids.get(i);
        }
        return a;
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
