package org.serialtracking.transaction.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import org.serialtracking.audit.boundary.AuditLog;
import org.serialtracking.audit.control.AuditRepository;
import org.serialtracking.common.ErrorCode;
import org.serialtracking.common.RuleViolation;
import org.serialtracking.party.PartyKind;
import org.serialtracking.format.control.AutoSerials;
import org.serialtracking.format.control.CounterRepository;
import org.serialtracking.platform.boundary.TimeSource;
import org.serialtracking.platform.control.DatabaseRefusal;
import org.serialtracking.platform.control.OneRoundTrip;
import org.serialtracking.stock.control.StockRepository;
import org.serialtracking.transaction.DocumentCommand;
import org.serialtracking.transaction.DocumentType;
import org.serialtracking.transaction.LineCommand;
import org.serialtracking.transaction.control.AutoSerialIssuer;
import org.serialtracking.transaction.control.DocumentRules;
import org.serialtracking.transaction.control.ExistingSerial;
import org.serialtracking.transaction.control.Genealogy;
import org.serialtracking.transaction.control.IdempotentPosting;
import org.serialtracking.transaction.control.ItemFacts;
import org.serialtracking.transaction.control.LineSerials;
import org.serialtracking.transaction.control.LinkRepository;
import org.serialtracking.transaction.control.LocationFacts;
import org.serialtracking.transaction.control.Movement;
import org.serialtracking.transaction.control.PartyRef;
import org.serialtracking.transaction.control.PlannedLine;
import org.serialtracking.transaction.control.PostingRepository;
import org.serialtracking.transaction.control.ResolvedLine;
import org.serialtracking.transaction.control.SerialWriter;
import org.serialtracking.transaction.control.StockChanges;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.serialtracking.transaction.DocumentView;
import org.serialtracking.transaction.LineView;

/**
 * Posts inventory documents: the coordinator of the posting path. One call is one JTA transaction:
 * the document posts whole, or a {@link RuleViolation} rolls every write back. The order of work:
 * <ol>
 *     <li>rules that need no database ({@link DocumentRules#checkShape}),</li>
 *     <li>the settings row, the items and the named serials are locked (share, share, update); a
 *     document of only new serials looks none up: the unique key finds one that exists as its
 *     serials are inserted, and only then are they looked up and named ({@link SerialWriter}),</li>
 *     <li>rules that need them ({@link DocumentRules#plan}, then {@link DocumentRules#checkKnownSerials},
 *     which asks each line's {@link Movement}),</li>
 *     <li>set-wise writes: header, lines, then the stock rows are locked in (item, location) order,
 *     serials and history (new serials with their history in one statement), a build's links from
 *     components to outputs ({@link Genealogy}), stock, and the number last.</li>
 * </ol>
 */
@Stateless
public class PostingService {

    @Resource(lookup = "jdbc/serial")
    DataSource dataSource;

    @Resource
    SessionContext context;

    @EJB
    TimeSource time;

    @EJB
    DocumentQueryService documents;

    /** Posts a document a user sent (any type but the internal SERIAL_INIT). */
    public DocumentView post(DocumentCommand command) {
        return post(command, false);
    }

    /**
     * Posts once per idempotency key (see {@link IdempotentPosting}): a retry with the same key and
     * the same document gets the first posting's document back (replayed).
     */
    public Posted post(DocumentCommand command, String idempotencyKey) {
        Optional<String> key = IdempotentPosting.key(idempotencyKey);
        if (key.isEmpty()) {
            return new Posted(post(command), false);
        }
        try (Connection c = dataSource.getConnection()) {
            IdempotentPosting keys = IdempotentPosting.of(c, context.getCallerPrincipal().getName(), key.get());
            Optional<Long> before = keys.claim(command);
            if (before.isPresent()) {
                return new Posted(documents.get(before.get()), true);
            }
            DocumentView posted = post(command);
            keys.complete(posted.id());
            return new Posted(posted, false);
        } catch (SQLException e) {
            throw DatabaseRefusal.translate(e);
        }
    }

    /**
     * Posts a document another service makes inside its own transaction (serial initialization,
     * initial stock); it may be of the internal type SERIAL_INIT.
     */
    public DocumentView postInternal(DocumentCommand command) {
        return post(command, true);
    }

    private DocumentView post(DocumentCommand command, boolean internal) {
        DocumentRules.checkShape(command == null ? null : command.type(), command == null ? null : command.lines(),
                internal);
        Optional<PartyRef> partyRef = DocumentRules.party(command.type(), command.supplier(), command.customer());
        DocumentRules.checkReturnDetails(command.type(), command.rma(), command.lines());
        String user = context.getCallerPrincipal().getName();
        try (Connection c = dataSource.getConnection()) {
            PostingRepository repo = new PostingRepository(c);
            PostingRepository.Switches switches = repo.lockSettings();
            PostingRepository.PartyFacts party = null;
            if (partyRef.isPresent()) {
                party = repo.party(partyRef.get()).orElseThrow(() -> new RuleViolation(ErrorCode.UNKNOWN_PARTY,
                        "Unknown " + partyRef.get().kind().word() + " '" + partyRef.get().code() + "': create it first"));
            }
            List<ResolvedLine> resolved = resolve(repo, command.lines());
            AutoSerialIssuer issuer = null;
            if (switches.serialTracking() && switches.autoSerialNumber()) {
                issuer = new AutoSerialIssuer(new AutoSerials(new CounterRepository(c)), time.now());
                resolved = issuer.fill(command.type(), resolved);
            }
            List<PlannedLine> plan = DocumentRules.plan(command.type(), resolved, switches.serialTracking());
            List<Map<String, String>> into = command.lines().stream().map(LineCommand::intoOrEmpty).toList();
            Genealogy.check(plan, into);

            // A document that only brings new serials (a receipt, a build's output) looks none up
            // first: the unique key finds any that exists when its serials are inserted, and only
            // then are they looked up, to name them. Others lock what they name.
            SerialWriter serials = new SerialWriter(repo, issuer);
            boolean lookUp = !plan.stream().allMatch(p -> p.movement().accepts() == Movement.Accepts.NEW);
            Map<String, ExistingSerial> existing = lookUp ? serials.lockExisting(plan) : Map.of();
            DocumentRules.checkKnownSerials(plan, existing,
                    party != null && party.kind() == PartyKind.CUSTOMER ? party.id() : null);
            LineSerials.checkLabels(plan, existing);
            LinkRepository links = new LinkRepository(c);
            Set<String> uninstalled = Genealogy.uninstalled(plan);
            if (command.type() == DocumentType.REPAIR) {
                // the units worked on are locked until the repair is saved: none is shipped meanwhile
                Genealogy.checkRepair(plan, into, links.lockUnits(Genealogy.installTargets(plan, into)),
                        links.holders(uninstalled));
            }

            PostingRepository.Header header = repo.insertHeader(command.type(), trim(command.reference()), user, party,
                    trim(command.rma()));
            Map<Integer, Long> lineIds = repo.insertLines(header.id(), resolved,
                    command.lines().stream().map(l -> trim(l.reason())).toList());
            // the hot rows last: the stock rows (held to the end), then the items' serial counters,
            // locked only now, so that concurrent documents on the same stock wait for the shortest time
            StockRepository stockRows = new StockRepository(c);
            StockChanges stock = new StockChanges();
            for (PlannedLine p : plan) {
                ResolvedLine l = p.line();
                p.movement().addStockChanges(stock, l.item(), l.location(), l.toLocation(), l.quantity(), false);
            }
            stock.lockFirst(stockRows, plan.size(), serials.generates());
            serials.issueNumbers(plan);
            Map<Integer, List<String>> serialsByLine = serials.write(plan, lineIds, existing, lookUp, header.id(),
                    user);
            links.end(header.id(), uninstalled);
            links.insert(header.id(), Genealogy.links(plan, into, serialsByLine));
            // the end of the document in one round trip: the stock check, the number, the audit event
            OneRoundTrip last = new OneRoundTrip(c);
            stock.apply(stockRows, "Insufficient stock of", last);
            int numbered = PostingRepository.assignNumber(last, header.id(), command.type());
            int serialCount = serialsByLine.values().stream().mapToInt(List::size).sum();
            AuditRepository.insertForDocument(last, user, AuditLog.Action.DOCUMENT_POSTED.name(), header.id(),
                    command.type() + ", " + plan.size() + " line(s), " + serialCount + " serial(s)"
                            + (trim(command.reference()) == null ? "" : ", reference " + trim(command.reference())));
            String number = (String) last.send().get(numbered);
            if (command.type() == DocumentType.RESTOCK) {
                // a return says which of its serials came back in warranty: read as stored
                return documents.get(header.id());
            }
            return view(header, number, command, plan, serialsByLine, user, party);
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
            LineSerials.Read serials = LineSerials.read(i + 1, l, item);
            resolved.add(new ResolvedLine(i + 1, item, location, to, l.quantity(), l.role(), serials.serials(),
                    serials.attributes()));
        }
        return resolved;
    }

    private static LocationFacts location(Map<String, LocationFacts> locations, String code) {
        LocationFacts found = locations.get(code.strip());
        if (found == null) {
            throw RuleViolation.notFound("Location", code.strip());
        }
        return found;
    }

    private static DocumentView view(PostingRepository.Header header, String number, DocumentCommand command,
                                     List<PlannedLine> plan, Map<Integer, List<String>> serialsByLine, String user,
                                     PostingRepository.PartyFacts party) {
        List<LineView> lines = new ArrayList<>(plan.size());
        for (PlannedLine p : plan) {
            ResolvedLine l = p.line();
            lines.add(new LineView(l.lineNo(), l.item().sku(), l.location().code(),
                    l.toLocation() == null ? null : l.toLocation().code(), l.quantity(), l.role(),
                    serialsByLine.getOrDefault(l.lineNo(), List.of()), null, List.of()));
        }
        String code = party == null ? null : party.code();
        return new DocumentView(header.id(), command.type(), number, trim(command.reference()), header.postedAt(), user,
                lines, null, null, party != null && party.kind() == PartyKind.SUPPLIER ? code : null,
                party != null && party.kind() == PartyKind.CUSTOMER ? code : null, null);
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
