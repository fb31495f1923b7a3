package org.serialtracking.entry.control;

import org.serialtracking.entry.control.ImportResult.Rejected;
import org.serialtracking.serial.SerialNumber;

import java.util.ArrayList;
import java.util.List;
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
    private final List<Rejected> rejected = new ArrayList<>();
    private int rejectedCount;
    private boolean started;

    ImportCollector(int maxSerials) {
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
        return new ImportResult(serials, serials.size(), unique.duplicates(), List.copyOf(rejected), rejectedCount);
    }

    static boolean isHeader(String value) {
        String words = value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
        return HEADERS.contains(words);
    }

    /**
     * What a reader keeps of a value before the collector sees it: trimmed, and cut just past the
     * longest serial (still too long, so still rejected) so that a sheet of huge cells stays small.
     */
    static String clip(String value) {
        String s = value.strip();
        return s.length() > SerialNumber.MAX_LENGTH + 1 ? s.substring(0, SerialNumber.MAX_LENGTH + 1) : s;
    }

    private static String shown(String value) {
        String s = value == null ? "" : value;
        return s.length() > SerialNumber.MAX_LENGTH ? s.substring(0, SerialNumber.MAX_LENGTH) + "\u2026" : s;
    }
}
