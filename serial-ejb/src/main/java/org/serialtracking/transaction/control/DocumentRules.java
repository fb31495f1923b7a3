package org.serialtracking.transaction.control;

import org.serialtracking.common.ErrorCode;
import org.serialtracking.common.RuleViolation;
import org.serialtracking.common.Text;
import org.serialtracking.item.entity.SerialState;
import org.serialtracking.party.PartyKind;
import org.serialtracking.serial.SerialNumber;
import org.serialtracking.transaction.DocumentType;
import org.serialtracking.transaction.LineRole;
import org.serialtracking.transaction.LineCommand;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The document-wide serial rules, in one place: the shape of each line, whole quantities and serial
 * counts on tracked items, valid serials, no serial twice in a document, which locations a transfer
 * or a relocation may join, and ({@link #checkKnownSerials}) the verdicts of each line's
 * {@link Movement} on the serials the system has, read under locks by the posting. Stock never
 * negative is {@link StockChanges}.
 */
public final class DocumentRules {

    /** Upper bounds that keep one request from allocating without limit. */
    public static final int MAX_LINES = 10_000;
    public static final int MAX_SERIALS = 1_000_000;
    public static final int MAX_SCALE = 4;
    public static final int MAX_RMA = 100;
    public static final int MAX_REASON = 200;
    /** Quantities are numeric(19, 4) in the database: less than 10^15 either way. */
    public static final BigDecimal MAX_QUANTITY = BigDecimal.TEN.pow(15);

    private DocumentRules() {
    }

    /** Checks what can be checked before anything is looked up. */
    public static void checkShape(DocumentType type, List<LineCommand> lines, boolean internal) {
        if (type == null) {
            throw RuleViolation.invalid("type is required (RECEIPT, SHIPMENT, TRANSFER, RELOCATION, ADJUSTMENT, "
                    + "BUILD, WORK_ORDER or RESTOCK)");
        }
        if (type == DocumentType.SERIAL_INIT && !internal) {
            throw RuleViolation.invalid("SERIAL_INIT documents are made by serial initialization only");
        }
        if (lines == null || lines.isEmpty()) {
            throw RuleViolation.invalid("a document needs at least one line");
        }
        if (lines.size() > MAX_LINES) {
            throw RuleViolation.invalid("a document has at most " + MAX_LINES + " lines");
        }
        long serialCount = 0;
        boolean hasOutput = false;
        for (int i = 0; i < lines.size(); i++) {
            LineCommand l = lines.get(i);
            String at = "line " + (i + 1);
            if (l == null) {
                throw RuleViolation.invalid(at + " is empty");
            }
            if (blank(l.sku())) {
                throw RuleViolation.invalid(at + ": sku is required");
            }
            if (blank(l.location())) {
                throw RuleViolation.invalid(at + ": location is required");
            }
            Text.code(at + ": sku", l.sku());
            Text.code(at + ": location", l.location());
            Text.code(at + ": toLocation", l.toLocation());
            if (l.quantity() == null) {
                throw RuleViolation.invalid(at + ": quantity is required");
            }
            if (l.quantity().abs().compareTo(MAX_QUANTITY) >= 0) {
                throw RuleViolation.invalid(at + ": quantity must be less than " + MAX_QUANTITY.toPlainString()
                        + " either way");
            }
            if (l.quantity().stripTrailingZeros().scale() > MAX_SCALE) {
                throw RuleViolation.invalid(at + ": quantity has more than " + MAX_SCALE + " decimals");
            }
            boolean adjustment = type == DocumentType.ADJUSTMENT;
            if (adjustment ? l.quantity().signum() == 0 : l.quantity().signum() <= 0) {
                throw RuleViolation.invalid(at + ": quantity must be " + (adjustment ? "non-zero" : "greater than 0"));
            }
            boolean moves = type == DocumentType.TRANSFER || type == DocumentType.RELOCATION;
            if (moves && blank(l.toLocation())) {
                throw RuleViolation.invalid(at + ": toLocation is required on a " + type);
            }
            if (!moves && !blank(l.toLocation())) {
                throw RuleViolation.invalid(at + ": toLocation is only for TRANSFER and RELOCATION lines");
            }
            boolean built = type == DocumentType.BUILD || type == DocumentType.WORK_ORDER;
            boolean repair = type == DocumentType.REPAIR;
            if ((built || repair) && l.role() == null) {
                throw RuleViolation.invalid(at + ": role (" + (built ? "OUTPUT or COMPONENT" : "INSTALL or UNINSTALL")
                        + ") is required on a " + type);
            }
            if (l.role() != null && !l.role().fits(type)) {
                throw RuleViolation.invalid(at + (built ? ": role " + l.role() + " is only for REPAIR lines; a " + type
                        + " takes OUTPUT or COMPONENT" : repair ? ": role " + l.role() + " is not for a REPAIR: it takes "
                        + "INSTALL or UNINSTALL" : ": role is only for BUILD and WORK_ORDER lines, and REPAIR lines"));
            }
            hasOutput |= l.role() == LineRole.OUTPUT;
            serialCount += l.serialsOrEmpty().size();
        }
        if ((type == DocumentType.BUILD || type == DocumentType.WORK_ORDER) && !hasOutput) {
            throw RuleViolation.invalid("a " + type + " needs at least one OUTPUT line");
        }
        if (serialCount > MAX_SERIALS) {
            throw RuleViolation.invalid("a document carries at most " + MAX_SERIALS + " serials");
        }
    }

    /**
     * The party a document names, if any: a RECEIPT may name a supplier, a SHIPMENT or a RESTOCK a
     * customer, no document both; anything else is refused naming the field.
     */
    /**
     * A return's details: the customer's return authorisation ({@code rma}, at most 100 characters)
     * and each line's {@code reason} (at most 200) are for a RESTOCK only.
     */
    public static void checkReturnDetails(DocumentType type, String rma, List<LineCommand> lines) {
        boolean restock = type == DocumentType.RESTOCK;
        if (!blank(rma) && (!restock || rma.strip().length() > MAX_RMA)) {
            throw RuleViolation.invalid(restock ? "rma must be at most " + MAX_RMA + " characters"
                    : "rma is only for RESTOCK documents, not for a " + type);
        }
        for (int i = 0; i < lines.size(); i++) {
            String reason = lines.get(i).reason();
            Text.field("line " + (i + 1) + ": reason", reason);
            if (!blank(reason) && (!restock || reason.strip().length() > MAX_REASON)) {
                throw RuleViolation.invalid("line " + (i + 1) + ": " + (restock ? "reason must be at most "
                        + MAX_REASON + " characters" : "reason is only for RESTOCK lines, not for a " + type));
            }
        }
    }

    public static Optional<PartyRef> party(DocumentType type, String supplier, String customer) {
        PartyKind takes = PartyKind.of(type);
        if (!blank(supplier) && takes != PartyKind.SUPPLIER) {
            throw RuleViolation.invalid("supplier is only for RECEIPT documents, not for a " + type);
        }
        if (!blank(customer) && takes != PartyKind.CUSTOMER) {
            throw RuleViolation.invalid("customer is only for SHIPMENT and RESTOCK documents, not for a " + type);
        }
        String code = !blank(supplier) ? supplier : customer;
        return blank(code) ? Optional.empty() : Optional.of(new PartyRef(takes, code.strip()));
    }

    /**
     * Checks every line against its item and locations, and returns what each line will do.
     *
     * @param trackingOn the platform's serial tracking setting, read under a share lock
     */
    public static List<PlannedLine> plan(DocumentType type, List<ResolvedLine> lines, boolean trackingOn) {
        checkLocations(type, lines);
        checkSerialsAllowed(lines, trackingOn);
        checkInitialized(type, lines);
        checkWholeQuantities(lines);
        checkCounts(lines);

        List<PlannedLine> planned = new ArrayList<>(lines.size());
        List<String> invalid = new ArrayList<>();
        String firstProblem = null;
        for (ResolvedLine l : lines) {
            List<SerialNumber> serials = List.of();
            try {
                serials = SerialNumber.allOf(l.rawSerials());
            } catch (RuleViolation v) {
                // keep going: the error names every invalid serial of the document, not only the first line's
                invalid.addAll(v.serials());
                firstProblem = firstProblem == null ? "line " + l.lineNo() + ": " + v.getMessage() : firstProblem;
            }
            planned.add(new PlannedLine(l, Movement.of(type, l.role(), l.quantity()), serials));
        }
        if (!invalid.isEmpty()) {
            throw new RuleViolation(ErrorCode.INVALID_SERIAL, invalid.size() + " invalid serial number(s); "
                    + firstProblem, invalid);
        }
        checkNoDuplicates(planned);
        return planned;
    }

    /**
     * Rules 4 and 5 for the whole document at once, so that every offending serial is named: each
     * line's movement judges each serial ({@link Movement#refusal}); the refusals are reported by
     * kind, duplicates first.
     *
     * @param existing the serials the document names that the system has, by key, read under lock
     */
    public static void checkKnownSerials(List<PlannedLine> plan, Map<String, ExistingSerial> existing) {
        checkKnownSerials(plan, existing, null);
    }

    /** @param customerId the customer (party id) the document names, if any: a return comes from them */
    public static void checkKnownSerials(List<PlannedLine> plan, Map<String, ExistingSerial> existing,
                                         Long customerId) {
        Map<ErrorCode, List<String>> refused = new EnumMap<>(ErrorCode.class);
        for (PlannedLine line : plan) {
            long itemId = line.line().item().id();
            long locationId = line.line().location().id();
            for (SerialNumber s : line.serials()) {
                ExistingSerial e = existing.get(s.key());
                Movement.Found found = e == null ? null : new Movement.Found(e.status(), e.itemId() == itemId,
                        e.locationId() != null && e.locationId() == locationId,
                        customerId != null && e.shippedTo() != null && !e.shippedTo().equals(customerId));
                line.movement().refusal(found).ifPresent(code -> refused.computeIfAbsent(code, c -> new ArrayList<>())
                        .add(s.value()));
            }
        }
        List<String> duplicates = refused.get(ErrorCode.DUPLICATE_SERIAL);
        if (duplicates != null) {
            throw new RuleViolation(ErrorCode.DUPLICATE_SERIAL, duplicates.size()
                    + " serial(s) already exist in the system (serials are unique, case-insensitively; a consumed "
                    + "serial never returns, a removed one only by an adjustment of the same item)", duplicates);
        }
        List<String> notReturnable = refused.get(ErrorCode.SERIAL_NOT_RETURNABLE);
        if (notReturnable != null) {
            throw new RuleViolation(ErrorCode.SERIAL_NOT_RETURNABLE, notReturnable.size()
                    + " serial(s) cannot be restocked: a return takes back only shipped serials of the same item",
                    notReturnable);
        }
        List<String> otherCustomer = refused.get(ErrorCode.RETURNED_BY_OTHER_CUSTOMER);
        if (otherCustomer != null) {
            throw new RuleViolation(ErrorCode.RETURNED_BY_OTHER_CUSTOMER, otherCustomer.size()
                    + " serial(s) were shipped to another customer than the one returning them", otherCustomer);
        }
        List<String> notInstalled = refused.get(ErrorCode.SERIAL_NOT_INSTALLED);
        if (notInstalled != null) {
            throw new RuleViolation(ErrorCode.SERIAL_NOT_INSTALLED, notInstalled.size()
                    + " serial(s) cannot be taken out: a repair takes out only serials of the line's item that are "
                    + "inside a unit", notInstalled);
        }
        List<String> notAvailable = refused.get(ErrorCode.SERIAL_NOT_AVAILABLE);
        if (notAvailable != null) {
            throw new RuleViolation(ErrorCode.SERIAL_NOT_AVAILABLE, notAvailable.size()
                    + " serial(s) are not in stock for this item at the line's location", notAvailable);
        }
    }

    private static void checkLocations(DocumentType type, List<ResolvedLine> lines) {
        for (ResolvedLine l : lines) {
            if (l.toLocation() == null) {
                continue;
            }
            String at = "line " + l.lineNo() + ": ";
            if (l.toLocation().id() == l.location().id()) {
                throw RuleViolation.invalid(at + "location and toLocation are the same (" + l.location().code() + ")");
            }
            boolean sameCompany = l.location().company().equals(l.toLocation().company());
            if (type == DocumentType.TRANSFER && !sameCompany) {
                throw RuleViolation.invalid(at + "a TRANSFER stays within one company; " + l.location().code() + " ("
                        + l.location().company() + ") and " + l.toLocation().code() + " (" + l.toLocation().company()
                        + ") are in different companies: use a RELOCATION");
            }
            if (type == DocumentType.RELOCATION && sameCompany) {
                throw RuleViolation.invalid(at + "a RELOCATION moves stock to another company; " + l.location().code()
                        + " and " + l.toLocation().code() + " are both in " + l.location().company()
                        + ": use a TRANSFER");
            }
        }
    }

    /** Rules 1 and 6: serials only on items that track them, and only while tracking is on. */
    private static void checkSerialsAllowed(List<ResolvedLine> lines, boolean trackingOn) {
        for (ResolvedLine l : lines) {
            boolean tracked = l.item().trackSerials();
            if (tracked && !trackingOn) {
                throw new RuleViolation(ErrorCode.SERIAL_TRACKING_DISABLED,
                        "Serial tracking is disabled for the platform; item " + l.item().sku() + " cannot take serials");
            }
            if (!tracked && !l.rawSerials().isEmpty()) {
                if (!trackingOn) {
                    throw new RuleViolation(ErrorCode.SERIAL_TRACKING_DISABLED,
                            "Serial tracking is disabled for the platform: line " + l.lineNo() + " ("
                                    + l.item().sku() + ") cannot carry serials", l.rawSerials());
                }
                throw new RuleViolation(ErrorCode.SERIALS_NOT_ALLOWED, "Line " + l.lineNo() + ": item "
                        + l.item().sku() + " does not track serials, so its lines take no serials", l.rawSerials());
            }
        }
    }

    /** Rule 8: no document touches an item whose existing stock still waits for its serials. */
    private static void checkInitialized(DocumentType type, List<ResolvedLine> lines) {
        if (type == DocumentType.SERIAL_INIT) {
            return;
        }
        for (ResolvedLine l : lines) {
            if (l.item().state() == SerialState.NOT_INITIALIZED) {
                throw new RuleViolation(ErrorCode.TRACKING_NOT_INITIALIZED, "Serial tracking not initialized for item "
                        + l.item().sku() + ": load serials for its stock on hand first");
            }
        }
    }

    private static void checkWholeQuantities(List<ResolvedLine> lines) {
        for (ResolvedLine l : lines) {
            if (l.item().trackSerials() && !isWhole(l.quantity())) {
                throw new RuleViolation(ErrorCode.NON_INTEGER_QUANTITY, "Line " + l.lineNo() + ": item "
                        + l.item().sku() + " tracks serials, so its quantity must be a whole number, not "
                        + l.quantity().toPlainString());
            }
        }
    }

    /** Rule 2: as many serials as units, on every tracked line; every mismatch is named. */
    private static void checkCounts(List<ResolvedLine> lines) {
        List<String> mismatches = new ArrayList<>();
        for (ResolvedLine l : lines) {
            if (!l.item().trackSerials()) {
                continue;
            }
            BigDecimal required = l.quantity().abs();
            int given = l.rawSerials().size();
            if (required.compareTo(BigDecimal.valueOf(given)) != 0) {
                mismatches.add("line " + l.lineNo() + " (" + l.item().sku() + "): quantity "
                        + required.stripTrailingZeros().toPlainString() + " needs " + required.stripTrailingZeros()
                        .toPlainString() + " serial(s), " + given + " given");
            }
        }
        if (!mismatches.isEmpty()) {
            throw new RuleViolation(ErrorCode.SERIAL_COUNT_MISMATCH,
                    "Serial count does not match quantity: " + String.join("; ", mismatches));
        }
    }

    /** Rule 3: one serial, one place in the document, compared case-insensitively. */
    private static void checkNoDuplicates(List<PlannedLine> lines) {
        Set<String> seen = new HashSet<>();
        // one entry per duplicated serial (by key), named as first repeated
        Map<String, String> duplicates = new LinkedHashMap<>();
        for (PlannedLine l : lines) {
            for (SerialNumber s : l.serials()) {
                if (!seen.add(s.key())) {
                    duplicates.putIfAbsent(s.key(), s.value());
                }
            }
        }
        if (!duplicates.isEmpty()) {
            throw new RuleViolation(ErrorCode.DUPLICATE_IN_DOCUMENT, duplicates.size()
                    + " serial(s) appear more than once in the document", new ArrayList<>(duplicates.values()));
        }
    }

    public static boolean isWhole(BigDecimal q) {
        return q.signum() == 0 || q.stripTrailingZeros().scale() <= 0;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
