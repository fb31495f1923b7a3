package org.serialtracking.entry.control;

import org.serialtracking.entry.control.ImportResult.Rejected;
import org.serialtracking.common.RuleViolation;
import org.serialtracking.gs1.Gtin;
import org.serialtracking.gs1.ScanReader;
import org.serialtracking.serial.SerialAttributes;
import org.serialtracking.serial.SerialNumber;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The rules every file format shares once a value is read: trim, skip blanks and a header, reject
 * what is not a serial with its row, drop repeats, stop at the limit. Readers only find values.
 */
final class ImportCollector {

    /** Header texts, compared with case and punctuation ignored: "Serial No.", "S/N", "serial_number". */
    private static final Set<String> HEADERS = Set.of("serial", "serials", "serial number", "serial numbers",
            "serialnumber", "serialnumbers", "serial no", "serial nos", "serial nr", "serial num", "sn", "s n");

    private final UniqueSerials unique;
    /** the item's GTIN, when the file is for an item that has one: GS1 barcode data is then read */
    private final Gtin gtin;
    private final Map<String, SerialAttributes> labels = new LinkedHashMap<>();
    private final List<Rejected> rejected = new ArrayList<>();
    private int rejectedCount;
    private boolean started;

    ImportCollector(int maxSerials) {
        this(maxSerials, null);
    }

    ImportCollector(int maxSerials, Gtin gtin) {
        this.gtin = gtin;
        this.unique = new UniqueSerials(maxSerials, () -> EntryLimits.tooMany("The file holds more than "
                + EntryLimits.grouped(maxSerials) + " serial numbers, the most one import can take; "
                + "split it into smaller files."));
    }

    /** A value found at a 1-based row; null or blank is a blank row. */
    void value(int row, String raw) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            return;
        }
        if (!started) {
            started = true;
            if (isHeader(value)) {
                return;
            }
        }
        if (gtin != null) {
            try {
                ScanReader.Scanned read = ScanReader.read(value, gtin, ScanReader.Format.AUTO);
                if (read.hasAttributes()) {
                    labels.putIfAbsent(read.serial(), read.attributes());
                }
                unique.add(read.serial());
            } catch (RuleViolation refused) {
                reject(row, value, refused.getMessage());
            }
            return;
        }
        Optional<String> problem = SerialNumber.problemWith(value);
        if (problem.isPresent()) {
            reject(row, value, problem.get());
            return;
        }
        unique.add(value);
    }

    /** A cell that holds something, but nothing that can be read as a serial (an error, a formula without a result). */
    void reject(int row, String value, String reason) {
        started = true;
        rejectedCount++;
        if (rejected.size() < ImportResult.MAX_LISTED_REJECTED) {
            rejected.add(new Rejected(row, shown(value), reason));
        }
    }

    ImportResult result() {
        List<String> serials = unique.serials();
        labels.keySet().retainAll(new java.util.HashSet<>(serials));
        return new ImportResult(serials, serials.size(), unique.duplicates(), List.copyOf(rejected), rejectedCount,
                labels);
    }

    static boolean isHeader(String value) {
        String words = value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
        return HEADERS.contains(words);
    }

    /**
     * What a reader keeps of a value before the collector sees it: trimmed, and cut just past the
     * longest entry (still too long, so still rejected) so that a sheet of huge cells stays small. The
     * longest entry is a GS1 Digital Link URI, longer than the longest serial.
     */
    static String clip(String value) {
        String s = value.strip();
        return s.length() > MAX_ENTRY_LENGTH + 1 ? s.substring(0, MAX_ENTRY_LENGTH + 1) : s;
    }

    /** A serial, or GS1 barcode data (an element string, or a Digital Link URI with a host and path). */
    static final int MAX_ENTRY_LENGTH = 512;

    private static String shown(String value) {
        String s = value == null ? "" : value;
        return s.length() > SerialNumber.MAX_LENGTH ? s.substring(0, SerialNumber.MAX_LENGTH) + "\u2026" : s;
    }
}
