package org.serialtracking.transaction.control;

import org.serialtracking.common.ErrorCode;
import org.serialtracking.common.RuleViolation;
import org.serialtracking.serial.SerialNumber;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a document's serials and their history, set-wise, line by line: new serials are inserted
 * with their history in one statement; known serials go where the line's {@link Movement} leaves
 * them ({@link Movement#after}). A new serial that a concurrent document inserted first is caught
 * by the unique key: a generated one is replaced by the next free number (at most
 * {@value #MAX_REISSUES} times), one given by the user is refused.
 */
public final class SerialWriter {

    /** How often a generated serial that a concurrent document took first is replaced. */
    static final int MAX_REISSUES = 10;

    private final PostingRepository repo;
    /** null when the document generates no serials */
    private final AutoSerialIssuer issuer;
    /** the real numbers of the generating lines, by line number, once {@link #issueNumbers} took them */
    private final Map<Integer, List<SerialNumber>> issued = new HashMap<>();

    public SerialWriter(PostingRepository repo, AutoSerialIssuer issuer) {
        this.repo = repo;
        this.issuer = issuer;
    }

    /**
     * Locks every named serial that exists, keyed by its case-insensitive key. Generated serials are
     * left out: they were free when issued, and one that a concurrent document takes before this one
     * inserts it is replaced at insertion.
     */
    public Map<String, ExistingSerial> lockExisting(List<PlannedLine> plan) throws SQLException {
        List<String> keys = new ArrayList<>();
        for (PlannedLine l : plan) {
            if (issuer == null || !issuer.generated(l.lineNo())) {
                l.serials().forEach(s -> keys.add(s.key()));
            }
        }
        Map<String, ExistingSerial> byKey = new HashMap<>(keys.size() * 2);
        for (ExistingSerial e : repo.lockExisting(keys)) {
            byKey.put(e.key(), e);
        }
        return byKey;
    }

    /** Whether the document generates serials (then it takes numbers from the items' counters). */
    public boolean generates() {
        return issuer != null && issuer.generatesAny();
    }

    /**
     * Takes the real numbers of every generating line from the items' counters, in item order (the
     * counter rows stay locked to the end of the transaction). Runs after the rules, once the
     * document's stock rows are locked: lock order puts stock before the serial counters.
     */
    public void issueNumbers(List<PlannedLine> plan) throws SQLException {
        if (issuer == null) {
            return;
        }
        List<PlannedLine> generating = plan.stream().filter(l -> issuer.generated(l.lineNo()))
                .sorted(Comparator.comparingLong((PlannedLine l) -> l.line().item().id())).toList();
        for (PlannedLine line : generating) {
            // the stand-ins the rules checked give way to the numbers taken now (see AutoSerialIssuer)
            issued.put(line.lineNo(), issuer.issue(line.lineNo(), line.line().item(), line.serials().size()));
        }
    }

    /**
     * Writes every line's serials and history ({@link #issueNumbers} first, when the document
     * generates serials).
     *
     * @param existing the serials the document names that exist, locked; empty when they were not
     *                 looked up (a document of only new serials): then a serial found to exist on
     *                 insertion is looked up, and refused by the rules, for its line and the lines after
     * @return the serials as stored, by line number
     */
    public Map<Integer, List<String>> write(List<PlannedLine> plan, Map<Integer, Long> lineIds,
                                            Map<String, ExistingSerial> existing, boolean lookedUp, long transactionId,
                                            String user) throws SQLException {
        Map<Integer, List<String>> stored = new HashMap<>();
        for (int i = 0; i < plan.size(); i++) {
            PlannedLine line = plan.get(i);
            if (line.serials().isEmpty()) {
                continue;
            }
            List<PlannedLine> rest = plan.subList(i, plan.size());
            ConflictCheck onConflict = lookedUp ? () -> { }
                    : () -> DocumentRules.checkKnownSerials(rest, lockExisting(rest));
            stored.put(line.lineNo(), writeLine(line, existing, transactionId, lineIds.get(line.lineNo()), user,
                    onConflict));
        }
        return stored;
    }

    /** Runs when the fast insert of a line's new serials met one that exists. */
    @FunctionalInterface
    private interface ConflictCheck {
        void run() throws SQLException;
    }

    private List<String> writeLine(PlannedLine line, Map<String, ExistingSerial> existing, long transactionId,
                                   long lineId, String user, ConflictCheck onConflict) throws SQLException {
        ResolvedLine l = line.line();
        Movement m = line.movement();
        long at = l.location().id();
        Long to = l.toLocation() == null ? null : l.toLocation().id();
        List<String> stored = new ArrayList<>(line.serials().size());
        List<Long> known = new ArrayList<>(line.serials().size());
        List<SerialNumber> fresh = new ArrayList<>();
        if (issuer != null && issuer.generated(line.lineNo())) {
            List<SerialNumber> numbers = issued.get(line.lineNo());
            if (numbers == null) {
                throw new IllegalStateException("issueNumbers before write: line " + line.lineNo() + " has no numbers");
            }
            fresh.addAll(numbers);
        } else {
            for (SerialNumber s : line.serials()) {
                ExistingSerial e = existing.get(s.key());
                if (e == null) {
                    fresh.add(s);
                } else {
                    known.add(e.id());
                    stored.add(e.serial());
                }
            }
        }
        // sorted by key: concurrent documents insert overlapping serials in the same order
        fresh.sort(Comparator.comparing(SerialNumber::key));
        List<String> values = fresh.stream().map(SerialNumber::value).toList();
        PostingRepository.NewSerials into = new PostingRepository.NewSerials(l.item().id(), at, transactionId, lineId,
                m.history(), user, l.attributes());
        if (known.isEmpty() && !values.isEmpty()) {
            if (repo.insertAllNew(into, values)) {
                stored.addAll(values);
                return stored;
            }
            onConflict.run();
        }
        // known serials go where the movement leaves them, with their history
        SerialPlace after = m.after(at, to);
        repo.changeSerials(known.stream().mapToLong(Long::longValue).toArray(), after.status(), after.locationId(),
                transactionId, m.receives(), lineId, user, false, m.historyRows(at, to, false));
        for (int attempt = 0; !values.isEmpty(); attempt++) {
            Map<String, Long> inserted = repo.insertNew(into, values);
            List<String> lost = new ArrayList<>();
            for (String v : values) {
                if (inserted.containsKey(v)) {
                    stored.add(v);
                } else {
                    lost.add(v);
                }
            }
            // a concurrent document took some of these serials first: a generated serial is
            // replaced by the next free numbers, a serial given by the user is refused
            boolean replace = !lost.isEmpty() && issuer != null && issuer.generated(line.lineNo())
                    && attempt < MAX_REISSUES;
            if (!lost.isEmpty() && !replace) {
                throw new RuleViolation(ErrorCode.DUPLICATE_SERIAL, lost.size()
                        + " serial(s) were just created by another document", lost);
            }
            values = replace ? issuer.reissue(line.lineNo(), l.item(), lost.size()) : List.of();
        }
        return stored;
    }
}
