package org.serialtracking.transaction.control;

import org.serialtracking.format.control.AutoSerials;
import org.serialtracking.format.control.SerialFormat;
import org.serialtracking.item.entity.SerialState;
import org.serialtracking.serial.SerialNumber;
import org.serialtracking.transaction.DocumentType;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Issues the auto serials of one document (issue 3): one moment, one set of keys the document names
 * itself (a generated serial never takes one of those).
 * <p>
 * Numbers are taken late. {@link #fill} gives a generating line stand-ins: the serials it would get
 * if no other document took numbers first, read without locking the item's counter. The document's
 * rules check those (how many, valid, none twice in the document, a build's assignments);
 * {@link #issue} takes the real numbers after the rules and the stock rows' lock, just before the
 * serials are written ({@link SerialWriter#issueNumbers}). The counter row is one of the hottest
 * locks of a busy item: taken there, it is held from the end of the posting to the commit (issue 17).
 * A generated serial is not looked up first: one that exists is found, and replaced by the next free
 * number, when the serials are inserted ({@link SerialWriter}).
 */
public final class AutoSerialIssuer {

    private final AutoSerials auto;
    private final ZonedDateTime now;
    private final Set<String> reserved = new HashSet<>();
    private final Map<Integer, SerialFormat> formats = new HashMap<>();
    /** the stand-ins' keys, and the next stand-in number per counter context */
    private final Set<String> standIns = new HashSet<>();
    private final Map<String, Long> nextStandIn = new HashMap<>();

    public AutoSerialIssuer(AutoSerials auto, ZonedDateTime now) {
        this.auto = auto;
        this.now = now;
    }

    /**
     * Fills the serials of lines that give a quantity and no serials, for items whose auto serial
     * numbers are on, on every line whose movement {@link Movement#generatesSerials generates}.
     * Serials given explicitly are used as given. A generating line gets stand-ins, rendered from its
     * counter's next number without taking it; {@link #issue} replaces them when the line is written.
     */
    public List<ResolvedLine> fill(DocumentType type, List<ResolvedLine> lines) throws SQLException {
        for (ResolvedLine l : lines) {
            for (String s : l.rawSerials()) {
                if (s != null) {
                    reserved.add(SerialNumber.keyOf(s.strip()));
                }
            }
        }
        List<ResolvedLine> result = new ArrayList<>(lines.size());
        for (ResolvedLine l : lines) {
            ItemFacts item = l.item();
            boolean generates = item.trackSerials() && item.autoSerialFormat() != null && l.rawSerials().isEmpty()
                    && Movement.of(type, l.role(), l.quantity()).generatesSerials()
                    && (item.state() == SerialState.TRACKED || type == DocumentType.SERIAL_INIT)
                    && DocumentRules.isWhole(l.quantity())
                    && l.quantity().compareTo(BigDecimal.valueOf(DocumentRules.MAX_SERIALS)) <= 0;
            if (!generates) {
                result.add(l);
                continue;
            }
            SerialFormat format = SerialFormat.parse(item.autoSerialFormat(), item.sku());
            formats.put(l.lineNo(), format);
            result.add(new ResolvedLine(l.lineNo(), item, l.location(), l.toLocation(), l.quantity(), l.role(),
                    standIns(item, format, l.quantity().intValueExact())));
        }
        return result;
    }

    /**
     * Serials of the line's format from its counter's next number, distinct from each other and from
     * the serials the document names: what the rules check in place of the numbers {@link #issue}
     * takes later (the same ones unless another document takes numbers first).
     */
    private List<String> standIns(ItemFacts item, SerialFormat format, int count) throws SQLException {
        String context = format.context(item.sku(), now);
        Long next = nextStandIn.get(context);
        long n = next != null ? next : auto.next(item.id(), item.sku(), format, now);
        List<String> serials = new ArrayList<>(count);
        for (; serials.size() < count && n <= SerialFormat.MAX_COUNTER; n++) {
            String candidate = format.render(item.sku(), now, n);
            String key = SerialNumber.keyOf(candidate);
            if (!reserved.contains(key) && standIns.add(key)) {
                serials.add(candidate);
            }
        }
        nextStandIn.put(context, n);
        return serials;
    }

    /**
     * The line's real serials: takes {@code count} numbers from the item's counter (the row stays
     * locked to the end of the transaction) and renders them, skipping the document's own serials.
     * Each is checked as any serial is (the stand-ins were; a longer number might not be).
     */
    public List<SerialNumber> issue(int lineNo, ItemFacts item, int count) throws SQLException {
        return SerialNumber.allOf(auto.issue(item.id(), item.sku(), formats.get(lineNo), now, count, reserved, false));
    }

    /** Whether any line's serials are generated here. */
    public boolean generatesAny() {
        return !formats.isEmpty();
    }

    /** Whether the line's serials are generated here. */
    public boolean generated(int lineNo) {
        return formats.containsKey(lineNo);
    }

    /** The next free numbers for generated serials that a concurrent document took first. */
    public List<String> reissue(int lineNo, ItemFacts item, int count) throws SQLException {
        return auto.issue(item.id(), item.sku(), formats.get(lineNo), now, count, reserved, true);
    }
}
