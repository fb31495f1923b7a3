package org.serialtracking.recall.control;

import org.serialtracking.common.RuleViolation;
import org.serialtracking.entry.control.EntryLimits;
import org.serialtracking.recall.RecallCommand;
import org.serialtracking.recall.RecallCriteria;
import org.serialtracking.serial.SerialNumber;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The rules of a new recall's request, checked before anything is read: a reason, at least one
 * criterion, valid serials, whole date ranges. What passes is one {@link Request}, normalised once.
 */
public final class RecallRules {

    public static final int MAX_REASON = 500;

    private RecallRules() {
    }

    /**
     * A component item consumed in {@code [from, until)}: the range's days, both included, as instants (UTC).
     *
     * @param location null: anywhere
     */
    public record Window(String sku, OffsetDateTime from, OffsetDateTime until, String location,
                         RecallCommand.Component asked) {
    }

    /** A checked request: serials by key (first spelling kept), windows, codes stripped and distinct. */
    public record Request(String reason, List<SerialNumber> serials, List<Window> components, List<String> suppliers,
                          List<String> receipts) {

        /** What is kept with the recall of what was asked. */
        public RecallCriteria criteria() {
            return new RecallCriteria(serials.size(), components.stream().map(Window::asked).toList(), suppliers,
                    receipts);
        }
    }

    public static Request check(RecallCommand command) {
        if (command == null) {
            throw RuleViolation.invalid("a recall needs a reason and its suspects");
        }
        String reason = command.reason() == null ? "" : command.reason().strip();
        if (reason.isEmpty()) {
            throw RuleViolation.invalid("reason is required: say why the units are recalled");
        }
        if (reason.length() > MAX_REASON) {
            throw RuleViolation.invalid("reason is at most " + MAX_REASON + " characters");
        }
        List<SerialNumber> serials = serials(command.serials());
        List<Window> components = new ArrayList<>();
        for (RecallCommand.Component c : orEmpty(command.components())) {
            components.add(window(c));
        }
        List<String> suppliers = codes(command.suppliers(), "suppliers");
        List<String> receipts = codes(command.receipts(), "receipts");
        if (serials.isEmpty() && components.isEmpty() && suppliers.isEmpty() && receipts.isEmpty()) {
            throw RuleViolation.invalid("name the suspects: serials, a component item with dates, a supplier or "
                    + "a receipt");
        }
        return new Request(reason, serials, components, suppliers, receipts);
    }

    private static List<SerialNumber> serials(List<String> raw) {
        List<String> given = orEmpty(raw);
        if (given.size() > EntryLimits.MAX_SERIALS) {
            throw EntryLimits.tooMany("A recall names at most " + EntryLimits.grouped(EntryLimits.MAX_SERIALS)
                    + " serials; name the component item, the supplier or the receipt instead.");
        }
        Map<String, SerialNumber> byKey = new LinkedHashMap<>();
        for (SerialNumber sn : SerialNumber.allOf(given)) {
            byKey.putIfAbsent(sn.key(), sn);
        }
        return List.copyOf(byKey.values());
    }

    private static Window window(RecallCommand.Component c) {
        if (c == null || c.sku() == null || c.sku().isBlank()) {
            throw RuleViolation.invalid("a component criterion needs the item's sku");
        }
        String sku = c.sku().strip();
        LocalDate from = date(c.from(), "from", sku);
        LocalDate to = date(c.to(), "to", sku);
        if (to.isBefore(from)) {
            throw RuleViolation.invalid("component " + sku + ": 'to' (" + to + ") is before 'from' (" + from + ")");
        }
        String location = c.location() == null || c.location().isBlank() ? null : c.location().strip();
        return new Window(sku, from.atStartOfDay().atOffset(ZoneOffset.UTC),
                to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC), location,
                new RecallCommand.Component(sku, from.toString(), to.toString(), location));
    }

    private static LocalDate date(String raw, String name, String sku) {
        if (raw == null || raw.isBlank()) {
            throw RuleViolation.invalid("component " + sku + ": '" + name + "' is required (a date such as 2026-01-31)");
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw RuleViolation.invalid("component " + sku + ": '" + name + "' must be a date such as 2026-01-31, not '"
                    + raw.strip() + "'");
        }
    }

    private static List<String> codes(List<String> raw, String what) {
        LinkedHashSet<String> codes = new LinkedHashSet<>();
        for (String s : orEmpty(raw)) {
            if (s == null || s.isBlank()) {
                throw RuleViolation.invalid(what + " holds an empty entry");
            }
            codes.add(s.strip());
        }
        return List.copyOf(codes);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
