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
 * itself (a generated serial never takes one of those). A generated serial is not looked up first:
 * one that exists is found, and replaced by the next free number, when the serials are inserted
 * ({@link SerialWriter}).
 */
public final class AutoSerialIssuer {

    private final AutoSerials auto;
    private final ZonedDateTime now;
    private final Set<String> reserved = new HashSet<>();
    private final Map<Integer, SerialFormat> formats = new HashMap<>();

    public AutoSerialIssuer(AutoSerials auto, ZonedDateTime now) {
        this.auto = auto;
        this.now = now;
    }

    /**
     * Fills the serials of lines that give a quantity and no serials, for items whose auto serial
     * numbers are on, on every line whose movement {@link Movement#generatesSerials generates}.
     * Serials given explicitly are used as given.
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
            formats.put(l.lineNo(), SerialFormat.parse(item.autoSerialFormat(), item.sku()));
            List<String> serials = auto.issue(item.id(), item.sku(), formats.get(l.lineNo()), now,
                    l.quantity().intValueExact(), reserved, false);
            result.add(new ResolvedLine(l.lineNo(), item, l.location(), l.toLocation(), l.quantity(), l.role(),
                    serials));
        }
        return result;
    }

    /** Whether the line's serials were generated here. */
    public boolean generated(int lineNo) {
        return formats.containsKey(lineNo);
    }

    /** The next free numbers for generated serials that a concurrent document took first. */
    public List<String> reissue(int lineNo, ItemFacts item, int count) throws SQLException {
        return auto.issue(item.id(), item.sku(), formats.get(lineNo), now, count, reserved, true);
    }
}
