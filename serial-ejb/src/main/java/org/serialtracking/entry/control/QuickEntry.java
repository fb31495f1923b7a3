package org.serialtracking.entry.control;

import org.serialtracking.common.ErrorCode;
import org.serialtracking.common.RuleViolation;
import org.serialtracking.gs1.Gs1;
import org.serialtracking.gs1.Gtin;
import org.serialtracking.gs1.ScanReader;
import org.serialtracking.serial.SerialAttributes;
import org.serialtracking.serial.SerialNumber;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Serials typed or pasted into one box: {@code "SN-0001..SN-0010, SN-0042\nSN-0050"}. Newlines,
 * commas, semicolons and white space (the no-break space too) separate entries, so a serial
 * containing a space cannot be typed here. {@code A..B} is a range, with or without spaces (not line
 * breaks or commas) around the dots. A range needs the same text around the number in {@code A} and
 * {@code B} (case ignored; {@code A}'s spelling is used), and {@code B} written the way counting up
 * from {@code A} writes it, the first's width being a minimum as in {@link RangeGenerator}: so
 * {@code A9..A11} is the natural {@code A9, A10, A11} and {@code SN-0099..SN-0101} crosses a hundred,
 * but {@code A9..A011} is refused. A serial that itself contains {@code ..} cannot be typed here either.
 * <p>
 * Every bad entry is named in one refusal; repeats are dropped and counted, not refused.
 */
public final class QuickEntry {

    private static final String DOTS = "..";
    private static final char GS = '\u001d';
    /** Enough of a refusal to fix several typos at once without a wall of text. */
    private static final int NAMED_PROBLEMS = 5;

    private QuickEntry() {
    }

    private record Problem(ErrorCode code, String entry, String message) {
    }

    public static QuickEntryResult parse(String text) {
        return parse(text, null, EntryLimits.MAX_SERIALS);
    }

    /**
     * As {@link #parse(String)}, for an item with this GTIN (null: none): entries that are GS1 barcode
     * data are read by {@link ScanReader} (AUTO), giving their serial, lot and expiry.
     */
    public static QuickEntryResult parse(String text, Gtin gtin) {
        return parse(text, gtin, EntryLimits.MAX_SERIALS);
    }

    static QuickEntryResult parse(String text, int max) {
        return parse(text, null, max);
    }

    static QuickEntryResult parse(String text, Gtin gtin, int max) {
        UniqueSerials unique = new UniqueSerials(max, () -> tooMany(max));
        Map<String, SerialAttributes> labels = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        long total = 0;
        for (String entry : entries(text == null ? "" : text)) {
            int dots = entry.indexOf(DOTS);
            if (dots < 0 || (gtin != null && Gs1.looksLikeGs1(entry))) {
                String serial = entry;
                if (gtin != null) {
                    try {
                        ScanReader.Scanned read = ScanReader.read(entry, gtin, ScanReader.Format.AUTO);
                        serial = read.serial();
                        if (read.hasAttributes()) {
                            labels.putIfAbsent(serial, read.attributes());
                        }
                    } catch (RuleViolation refused) {
                        problems.add(new Problem(refused.code(), entry, quoted(entry) + ": " + refused.getMessage()));
                        continue;
                    }
                } else {
                    Optional<String> problem = SerialNumber.problemWith(entry);
                    if (problem.isPresent()) {
                        problems.add(new Problem(ErrorCode.INVALID_SERIAL, entry, quoted(entry) + ": " + problem.get()));
                        continue;
                    }
                }
                if (++total > max) {
                    throw tooMany(max);
                }
                if (problems.isEmpty()) {
                    unique.add(serial);
                }
                continue;
            }
            String first = entry.substring(0, dots);
            String last = entry.substring(dots + DOTS.length());
            Optional<Problem> problem = rangeProblem(entry, first, last);
            if (problem.isPresent()) {
                problems.add(problem.get());
                continue;
            }
            NumberedSerials range;
            try {
                range = NumberedSerials.between(first, last, entry, max);
            } catch (RuleViolation v) {
                if (v.code() == ErrorCode.TOO_MANY_SERIALS) {
                    throw v;
                }
                problems.add(new Problem(v.code(), entry, v.getMessage()));
                continue;
            }
            total += range.size();
            if (total > max) {
                throw tooMany(max);
            }
            // Once an entry is bad the request is refused: only keep checking, don't collect.
            if (problems.isEmpty()) {
                range.forEach(unique::add);
            }
        }
        if (!problems.isEmpty()) {
            throw refusal(problems);
        }
        List<String> serials = unique.serials();
        // the labels of the serials kept (a repeat's label is the first one's)
        Set<String> kept = new HashSet<>(serials);
        labels.keySet().retainAll(kept);
        return new QuickEntryResult(serials, serials.size(), unique.duplicates(), labels);
    }

    /** A token, and whether a comma, semicolon or line break (not just a space) comes before it. */
    private record Token(String text, boolean hardBefore) {
    }

    /**
     * Splits on separators, then joins {@code A .. B}, {@code A.. B} and {@code A ..B} into
     * {@code A..B}: across spaces and tabs only, since a comma, semicolon or line break always ends
     * an entry.
     */
    static List<String> entries(String text) {
        List<Token> tokens = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        boolean hard = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean hardSeparator = c == ',' || c == ';' || c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029';
            // GS is white space to Java, but FNC1 inside a GS1 barcode's data: never a separator
            if (hardSeparator || (c != GS && (Character.isWhitespace(c) || Character.isSpaceChar(c)))) {
                if (!token.isEmpty()) {
                    tokens.add(new Token(token.toString(), hard));
                    token.setLength(0);
                    hard = false;
                }
                hard |= hardSeparator;
            } else {
                token.append(c);
            }
        }
        if (!token.isEmpty()) {
            tokens.add(new Token(token.toString(), hard));
        }
        List<String> entries = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            boolean joinsPrevious = !t.hardBefore() && !entries.isEmpty() && !entries.get(entries.size() - 1).contains(DOTS);
            boolean joinsNext = i + 1 < tokens.size() && !tokens.get(i + 1).hardBefore();
            if (t.text().equals(DOTS)) {
                // "A .. B"; with a side missing it stays an entry, refused as such.
                String before = joinsPrevious ? entries.remove(entries.size() - 1) : "";
                String after = joinsNext ? tokens.get(++i).text() : "";
                entries.add(before + DOTS + after);
            } else if (t.text().startsWith(DOTS) && joinsPrevious) {
                // "A ..B"
                entries.add(entries.remove(entries.size() - 1) + t.text());
            } else if (t.text().endsWith(DOTS) && t.text().indexOf(DOTS) == t.text().length() - DOTS.length() && joinsNext) {
                // "A.. B"
                entries.add(t.text() + tokens.get(++i).text());
            } else {
                entries.add(t.text());
            }
        }
        return entries;
    }

    private static Optional<Problem> rangeProblem(String entry, String first, String last) {
        if (first.isEmpty() || last.isEmpty()) {
            return Optional.of(new Problem(ErrorCode.INVALID_RANGE, entry, quoted(entry)
                    + ": a range needs a serial on both sides of '..', as in SN-0001..SN-0010"));
        }
        if (last.startsWith(".") || last.contains(DOTS)) {
            return Optional.of(new Problem(ErrorCode.INVALID_RANGE, entry, quoted(entry)
                    + ": write a range as two serials with two dots between them, as in SN-0001..SN-0010"));
        }
        for (String end : List.of(first, last)) {
            Optional<String> problem = SerialNumber.problemWith(end);
            if (problem.isPresent()) {
                return Optional.of(new Problem(ErrorCode.INVALID_SERIAL, entry,
                        quoted(entry) + ": " + quoted(end) + " is not a serial number: " + problem.get()));
            }
        }
        return Optional.empty();
    }

    private static RuleViolation refusal(List<Problem> problems) {
        List<String> entries = new ArrayList<>(problems.size());
        problems.forEach(p -> entries.add(p.entry()));
        if (problems.size() == 1) {
            return new RuleViolation(problems.get(0).code(), problems.get(0).message(), entries);
        }
        StringBuilder detail = new StringBuilder().append(problems.size()).append(" entries cannot be read: ");
        for (int i = 0; i < Math.min(NAMED_PROBLEMS, problems.size()); i++) {
            detail.append(i == 0 ? "" : "; ").append(problems.get(i).message());
        }
        if (problems.size() > NAMED_PROBLEMS) {
            detail.append("; and ").append(problems.size() - NAMED_PROBLEMS).append(" more");
        }
        return new RuleViolation(problems.get(0).code(), detail.toString(), entries);
    }

    private static RuleViolation tooMany(int max) {
        return EntryLimits.tooMany("The text holds more than " + EntryLimits.grouped(max)
                + " serial numbers; at most " + EntryLimits.grouped(max) + " can be entered at a time.");
    }

    private static String quoted(String entry) {
        return "'" + (entry.length() <= 40 ? entry : entry.substring(0, 40) + "\u2026") + "'";
    }
}
