package org.serialtracking.transaction.control;

import org.serialtracking.common.ErrorCode;
import org.serialtracking.common.RuleViolation;
import org.serialtracking.common.Text;
import org.serialtracking.gs1.ScanReader;
import org.serialtracking.serial.SerialNumber;
import org.serialtracking.transaction.LineCommand;
import org.serialtracking.serial.SerialAttributes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A line's serials as the client wrote them, read once at the edge of a posting: GS1 barcode data
 * turned into serial numbers (by {@link ScanReader}, the line's {@code serialsFormat}), and the lot and
 * expiry each serial's label gave, from the barcodes or from {@code serialAttributes}. Then, once the
 * serials the document names are locked, a label scanned for a serial the system has must agree with
 * the lot and expiry recorded when that serial came into being ({@link #checkLabels}).
 */
public final class LineSerials {

    /** The serial numbers of a line, in order, and the lot and expiry of some of them by serial key. */
    public record Read(List<String> serials, Map<String, SerialAttributes> attributes) {
    }

    private LineSerials() {
    }

    /** Reads one line; every entry at fault named in one refusal. */
    public static Read read(int lineNo, LineCommand line, ItemFacts item) {
        ScanReader.Format format = ScanReader.Format.of(line.serialsFormat());
        List<String> written = line.serialsOrEmpty();
        Map<String, SerialAttributes> attributes = new HashMap<>();
        List<String> serials;
        if (format == ScanReader.Format.PLAIN) {
            serials = written;
        } else {
            serials = new ArrayList<>(written.size());
            for (ScanReader.Scanned s : ScanReader.readAll(written, item.gtin(), format)) {
                serials.add(s.serial());
                if (s.hasAttributes()) {
                    attributes.put(SerialNumber.keyOf(s.serial()), s.attributes());
                }
            }
        }
        Map<String, SerialAttributes> given = line.serialAttributesOrEmpty();
        if (!given.isEmpty()) {
            Set<String> onLine = new HashSet<>();
            serials.forEach(s -> onLine.add(s == null ? "" : SerialNumber.keyOf(s)));
            List<String> notOnLine = new ArrayList<>();
            List<String> twice = new ArrayList<>();
            given.forEach((serial, a) -> {
                String key = serial == null ? "" : SerialNumber.keyOf(serial);
                if (!onLine.contains(key)) {
                    notOnLine.add(serial);
                    return;
                }
                SerialAttributes checked = checked(lineNo, serial, a);
                SerialAttributes scanned = attributes.putIfAbsent(key, checked);
                if (scanned != null && !scanned.equals(checked)) {
                    twice.add(serial);
                }
            });
            if (!notOnLine.isEmpty()) {
                throw new RuleViolation(ErrorCode.VALIDATION, "line " + lineNo + ": serialAttributes name serial(s) "
                        + "that are not on the line", notOnLine);
            }
            if (!twice.isEmpty()) {
                throw new RuleViolation(ErrorCode.LABEL_MISMATCH, "line " + lineNo + ": serialAttributes say another "
                        + "lot or expiry than the serial's barcode", twice);
            }
        }
        return new Read(serials, attributes);
    }

    private static SerialAttributes checked(int lineNo, String serial, SerialAttributes a) {
        if (a == null) {
            return new SerialAttributes(null, null);
        }
        String lot = a.lot() == null || a.lot().isBlank() ? null : a.lot().strip();
        if (lot != null) {
            Text.code("line " + lineNo + ": lot of " + serial, lot);
            if (lot.codePointCount(0, lot.length()) > SerialAttributes.MAX_LOT_LENGTH) {
                throw new RuleViolation(ErrorCode.VALIDATION, "line " + lineNo + ": the lot of " + serial + " is longer "
                        + "than " + SerialAttributes.MAX_LOT_LENGTH + " characters", List.of(serial));
            }
        }
        return new SerialAttributes(lot, a.expiry());
    }

    /**
     * A label read for a serial the system has must say what was recorded when the serial came into
     * being: a lot or an expiry that differs is refused (a label of another unit, or a relabelled
     * one), naming the serials. What the serial has no record of is not checked, and not recorded.
     */
    public static void checkLabels(List<PlannedLine> plan, Map<String, ExistingSerial> existing) {
        List<String> mismatched = new ArrayList<>();
        for (PlannedLine line : plan) {
            line.line().attributes().forEach((key, label) -> {
                ExistingSerial e = existing.get(key);
                if (e == null) {
                    return;
                }
                SerialAttributes recorded = e.attributes();
                boolean lotDiffers = label.lot() != null && recorded.lot() != null
                        && !label.lot().equals(recorded.lot());
                boolean expiryDiffers = label.expiry() != null && recorded.expiry() != null
                        && !Objects.equals(label.expiry(), recorded.expiry());
                if (lotDiffers || expiryDiffers) {
                    mismatched.add(e.serial());
                }
            });
        }
        if (!mismatched.isEmpty()) {
            throw new RuleViolation(ErrorCode.LABEL_MISMATCH, mismatched.size() + " serial(s) were scanned from a "
                    + "label whose lot or expiry is not the one recorded for the serial", mismatched);
        }
    }
}
