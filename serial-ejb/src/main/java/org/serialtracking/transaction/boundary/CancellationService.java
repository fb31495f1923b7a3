package org.serialtracking.transaction.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import org.serialtracking.audit.boundary.AuditLog;
import org.serialtracking.common.ErrorCode;
import org.serialtracking.common.RuleViolation;
import org.serialtracking.item.entity.SerialState;
import org.serialtracking.transaction.DocumentType;
import org.serialtracking.transaction.control.CancellationRepository;
import org.serialtracking.transaction.control.CancellationRepository.Line;
import org.serialtracking.transaction.control.CancellationRepository.Moved;
import org.serialtracking.transaction.control.LinkRepository;
import org.serialtracking.transaction.control.Movement;
import org.serialtracking.transaction.control.PostingRepository;
import org.serialtracking.platform.control.DatabaseRefusal;
import org.serialtracking.platform.control.OneRoundTrip;
import org.serialtracking.stock.control.StockRepository;
import org.serialtracking.transaction.control.SerialPlace;
import org.serialtracking.transaction.control.StockChanges;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.serialtracking.transaction.DocumentView;

/**
 * Cancels a posted document: its stock and serial moves are reversed in one transaction, with
 * reversing history rows, while every serial is still where the document left it (the document is
 * the last one that moved it, and it is in the state the document gave it). A serial the document
 * brought into the system goes again, with its history, so its number is free for a correct posting.
 */
@Stateless
public class CancellationService {

    @Resource(lookup = "jdbc/serial")
    DataSource dataSource;

    @Resource
    SessionContext context;

    @EJB
    DocumentQueryService documents;

    @EJB
    AuditLog audit;

    public DocumentView cancel(long id) {
        String user = context.getCallerPrincipal().getName();
        try (Connection c = dataSource.getConnection()) {
            PostingRepository posting = new PostingRepository(c);
            CancellationRepository repo = new CancellationRepository(c);
            posting.lockSettings();
            CancellationRepository.Head head = repo.lockDocument(id);
            if (head == null) {
                throw RuleViolation.notFound("Document", String.valueOf(id));
            }
            if (head.cancelled()) {
                throw RuleViolation.invalid("Document " + head.number() + " is already cancelled");
            }
            if (head.type() == DocumentType.SERIAL_INIT) {
                throw RuleViolation.invalid("A serial initialization (" + head.number() + ") cannot be cancelled");
            }
            List<Line> lines = repo.lines(head);
            Map<Long, List<Moved>> moved = CancellationRepository.byLine(repo.lockMoved(id));
            checkTrackingUnchanged(head, lines, moved);
            checkInPlace(repo, head, lines, moved);
            StockRepository stockRows = new StockRepository(c);
            StockChanges stock = new StockChanges();
            for (Line l : lines) {
                l.movement().addStockChanges(stock, l.item(), l.location(), l.toLocation(), l.quantity(), true);
            }
            stock.lock(stockRows);

            // what it moved stays readable for the EPCIS feed, before serials and links go
            repo.keepMovement(id);
            // a build's or a repair's links go with it (a build's outputs, still where it left them, are
            // deleted below); the links a repair ended hold again
            LinkRepository links = new LinkRepository(c);
            links.deleteOf(id);
            links.restoreEndedBy(id);
            List<Long> remaining = new ArrayList<>();
            for (Line l : lines) {
                List<Moved> serials = moved.getOrDefault(l.id(), List.of());
                if (!serials.isEmpty()) {
                    reverseSerials(posting, repo, head, l, serials, user, remaining);
                }
            }
            repo.restoreLastTransaction(remaining.stream().mapToLong(Long::longValue).toArray(), id);
            OneRoundTrip last = new OneRoundTrip(c);
            stock.apply(stockRows, "Cannot cancel " + head.number() + ": insufficient stock of", last);
            last.send();
            repo.markCancelled(id, user);
            audit.record(AuditLog.Action.DOCUMENT_CANCELLED, head.number(), head.type() + ", " + lines.size()
                    + " line(s), " + moved.values().stream().mapToInt(List::size).sum() + " serial(s) reversed");
            return documents.get(id);
        } catch (SQLException e) {
            throw DatabaseRefusal.translate(e);
        }
    }

    /**
     * The document is undone as it was posted: with serials for a line that had them, without for a
     * line that had none. An item whose tracking changed since (turned off while the document's
     * serials were out of stock, or turned on after a document without serials) cannot take the
     * reversal: it would put serials in stock for an item that does not track them, or change a
     * tracked item's on-hand without serials. Refused, naming the items; a new document corrects.
     */
    private static void checkTrackingUnchanged(CancellationRepository.Head head, List<Line> lines,
                                               Map<Long, List<Moved>> moved) {
        List<String> changed = new ArrayList<>();
        for (Line l : lines) {
            if (l.item().state() == SerialState.NOT_INITIALIZED) {
                throw new RuleViolation(ErrorCode.TRACKING_NOT_INITIALIZED, "Serial tracking not initialized for "
                        + "item " + l.item().sku() + ": load its serials before cancelling " + head.number());
            }
            boolean hadSerials = moved.containsKey(l.id());
            boolean needsSerials = l.item().trackSerials() && l.movement().changesStock()
                    && l.quantity().signum() != 0;
            if (hadSerials != needsSerials && !changed.contains(l.item().sku())) {
                changed.add(l.item().sku());
            }
        }
        if (!changed.isEmpty()) {
            throw new RuleViolation(ErrorCode.TRACKING_CHANGED, "Cannot cancel " + head.number() + ": serial tracking of "
                    + "item(s) " + String.join(", ", changed) + " changed since the document was posted, so its "
                    + "reversal would make on-hand and serials disagree; post a new document to correct it instead");
        }
    }

    /**
     * Every serial must still be where the document left it; the ones that moved on are named, and
     * so are the later documents that moved them (to cancel first, newest first).
     */
    private static void checkInPlace(CancellationRepository repo, CancellationRepository.Head head, List<Line> lines,
                                     Map<Long, List<Moved>> moved) throws SQLException {
        List<String> movedOn = new ArrayList<>();
        Set<Long> later = new TreeSet<>(Comparator.reverseOrder());
        for (Line l : lines) {
            SerialPlace left = l.movement().after(l.location().id(),
                    l.toLocation() == null ? null : l.toLocation().id());
            for (Moved s : moved.getOrDefault(l.id(), List.of())) {
                boolean last = s.lastTransactionId() != null && s.lastTransactionId() == head.id();
                if (!last || !left.holds(s.status(), s.locationId())) {
                    movedOn.add(s.serial());
                    if (!last && s.lastTransactionId() != null) {
                        later.add(s.lastTransactionId());
                    }
                }
            }
        }
        if (!movedOn.isEmpty()) {
            List<String> numbers = repo.numbersOf(later);
            throw new RuleViolation(ErrorCode.SERIAL_MOVED_ON, movedOn.size() + " serial(s) of " + head.number()
                    + " have moved on since; cancel the later documents first"
                    + (numbers.isEmpty() ? "" : ": " + String.join(", ", numbers.subList(0, Math.min(10, numbers.size())))
                    + (numbers.size() > 10 ? " and " + (numbers.size() - 10) + " more" : "")), movedOn);
        }
    }

    /**
     * Puts the line's serials back where they were before it (see {@link Movement#before}), with
     * reversing history rows; a serial the line brought into the system goes again, with its history.
     */
    private static void reverseSerials(PostingRepository posting, CancellationRepository repo,
                                       CancellationRepository.Head head, Line l, List<Moved> serials, String user,
                                       List<Long> remaining) throws SQLException {
        Movement m = l.movement();
        long[] back = serials.stream().mapToLong(Moved::id).toArray();
        if (!m.takesFromStock()) {
            Set<Long> created = repo.createdBy(head.id(), back);
            if (!created.isEmpty()) {
                repo.deleteSerials(created.stream().mapToLong(Long::longValue).toArray());
                back = serials.stream().mapToLong(Moved::id).filter(i -> !created.contains(i)).toArray();
            }
        }
        long at = l.location().id();
        Long to = l.toLocation() == null ? null : l.toLocation().id();
        SerialPlace before = m.before(at);
        posting.changeSerials(back, before.status(), before.locationId(), head.id(), false, l.id(), user, true,
                m.historyRows(at, to, true));
        for (long id : back) {
            remaining.add(id);
        }
    }

}
