package org.serialtracking.gs1;

import org.serialtracking.common.ErrorCode;
import org.serialtracking.common.RuleViolation;
import org.serialtracking.serial.SerialAttributes;
import org.serialtracking.serial.SerialNumber;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What a scanned or typed entry means on a line of one item: the one place that decides whether an
 * entry is a GS1 barcode or a plain serial, used by every way serials come in (the modal's scan box,
 * quick entry, file import, the parse tool and a posted line).
 * <ul>
 *     <li>An item without a GTIN takes plain serials only: nothing is parsed.</li>
 *     <li>An item with a GTIN reads an entry as GS1 when {@link Gs1#looksLikeGs1} says it is one (a
 *     symbology identifier, a GS, the form with parentheses, a Digital Link URI, or 01 + a valid GTIN +
 *     more), else as a plain serial: an 8-digit serial that looks like an AI stays a serial.</li>
 *     <li>A line that says its serials are GS1 ({@code Format.GS1}) reads every entry as GS1, and
 *     its item must have a GTIN.</li>
 * </ul>
 * A GS1 entry must carry a serial (AI 21), and its GTIN (AI 01), when it has one, must be the item's:
 * a label of another product is refused ({@code GTIN_MISMATCH}), never taken as a serial of this one.
 * Its lot (AI 10) and expiry (AI 17) come along.
 */
public final class ScanReader {

    /** How a line's entries are written. */
    public enum Format {
        /** serial numbers as written: nothing is parsed (the API's default) */
        PLAIN,
        /** plain serials, or GS1 barcodes where the item has a GTIN and the entry looks like one (the screens) */
        AUTO,
        /** every entry a GS1 barcode */
        GS1;

        /** {@code null} or blank is PLAIN; else the name, case ignored; anything else is refused. */
        public static Format of(String name) {
            if (name == null || name.isBlank()) {
                return PLAIN;
            }
            for (Format f : values()) {
                if (f.name().equalsIgnoreCase(name.strip())) {
                    return f;
                }
            }
            throw RuleViolation.invalid("serialsFormat must be PLAIN, AUTO or GS1, not '" + name.strip() + "'");
        }
    }

    /** A serial as read, with the lot and expiry its barcode gave (null when none). */
    public record Scanned(String serial, String lot, LocalDate expiry) {

        public static Scanned plain(String serial) {
            return new Scanned(serial, null, null);
        }

        public boolean hasAttributes() {
            return lot != null || expiry != null;
        }

        /** The lot and expiry, as a serial keeps them. */
        public SerialAttributes attributes() {
            return new SerialAttributes(lot, expiry);
        }
    }

    private ScanReader() {
    }

    /**
     * One entry on a line of an item with this GTIN (null: none).
     *
     * @throws RuleViolation INVALID_GS1 (with the position and reason), GTIN_MISMATCH, or INVALID_SERIAL
     */
    public static Scanned read(String entry, Gtin itemGtin, Format format) {
        String raw = entry == null ? "" : entry;
        Optional<Gs1Data> gs1;
        if (format == Format.GS1) {
            if (itemGtin == null) {
                throw new RuleViolation(ErrorCode.GTIN_MISMATCH,
                        "The item has no GTIN: GS1 barcodes cannot be checked against it", List.of(raw));
            }
            gs1 = Optional.of(Gs1.parse(raw));
        } else {
            gs1 = itemGtin == null || format == Format.PLAIN ? Optional.empty() : Gs1.parseIfGs1(raw);
        }
        if (gs1.isEmpty()) {
            return Scanned.plain(SerialNumber.of(raw).value());
        }
        Gs1Data data = gs1.get();
        if (data.serial() == null) {
            throw new RuleViolation(ErrorCode.INVALID_GS1, "The barcode carries no serial number (AI 21)", List.of(raw));
        }
        if (data.gtin() != null && !data.gtin().equals(itemGtin)) {
            throw new RuleViolation(ErrorCode.GTIN_MISMATCH, "The barcode is for GTIN " + data.gtin().value()
                    + ", the item's GTIN is " + itemGtin.value(), List.of(raw));
        }
        return new Scanned(SerialNumber.of(data.serial()).value(), data.lot(), data.expiry());
    }

    /**
     * Every entry of a line, in order; every bad one named in a single refusal (the first problem's
     * code and message, all the entries at fault).
     */
    public static List<Scanned> readAll(Collection<String> entries, Gtin itemGtin, Format format) {
        List<Scanned> result = new ArrayList<>(entries.size());
        List<String> bad = new ArrayList<>();
        RuleViolation first = null;
        for (String entry : entries) {
            try {
                result.add(read(entry, itemGtin, format));
            } catch (RuleViolation refused) {
                if (first == null) {
                    first = refused;
                }
                bad.add(entry == null ? "" : entry);
            }
        }
        if (first != null) {
            String detail = bad.size() == 1 ? first.getMessage()
                    : bad.size() + " entries refused; the first: " + first.getMessage();
            throw new RuleViolation(first.code(), detail, bad);
        }
        return result;
    }
}
