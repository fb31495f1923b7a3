package org.serialtracking.transaction.control;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.serialtracking.common.ErrorCode;
import org.serialtracking.common.RuleViolation;
import org.serialtracking.item.entity.SerialState;
import org.serialtracking.serial.SerialNumber;
import org.serialtracking.serial.SerialStatus;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Rules 4 and 5 ({@link DocumentRules#checkKnownSerials}, asking {@link Movement#refusal}): which existing serials a line may add, remove or move.
 */
class SerialAvailabilityRulesTest {

    // ids above the Long cache range (-128..127), so an identity comparison of boxed ids would show
    static final long ITEM = 5_001;
    static final long OTHER_ITEM = 5_002;
    static final long HERE = 9_001;
    static final long ELSEWHERE = 9_002;

    private final Map<String, ExistingSerial> existing = new HashMap<>();
    private long nextId = 1;

    /** A serial row as the database holds it, keyed as PostingService keys it. */
    private void exists(String serial, long itemId, SerialStatus status, Long locationId) {
        existing.put(SerialNumber.of(serial).key(),
                new ExistingSerial(nextId++, serial, SerialNumber.of(serial).key(), itemId, status, locationId));
    }

    private void inStock(String serial, long itemId, long locationId) {
        // a fresh Long instance, never a cached one
        exists(serial, itemId, SerialStatus.IN_STOCK, Long.valueOf(String.valueOf(locationId)));
    }

    static PlannedLine line(int no, Movement m, long itemId, long locationId, String... serials) {
        ItemFacts item = new ItemFacts(itemId, "SKU-" + itemId, true, SerialState.TRACKED);
        LocationFacts from = new LocationFacts(locationId, "L" + locationId, "ACME");
        LocationFacts to = m.mode() == Movement.Mode.MOVE ? new LocationFacts(ELSEWHERE + 100, "TO", "ACME") : null;
        BigDecimal q = BigDecimal.valueOf(serials.length);
        if (m == Movement.ADJUST_OUT) {
            q = q.negate();
        }
        ResolvedLine resolved = new ResolvedLine(no, item, from, to, q, null, List.of(serials));
        return new PlannedLine(resolved, m, SerialNumber.allOf(Arrays.asList(serials)));
    }

    static PlannedLine line(Movement m, String... serials) {
        return line(1, m, ITEM, HERE, serials);
    }

    private void accepts(PlannedLine... lines) {
        assertThatCode(() -> DocumentRules.checkKnownSerials(List.of(lines), existing)).doesNotThrowAnyException();
    }

    private RuleViolation refuses(PlannedLine... lines) {
        return violation(() -> DocumentRules.checkKnownSerials(List.of(lines), existing));
    }

    static RuleViolation violation(ThrowingCallable call) {
        Throwable t = catchThrowable(call);
        assertThat(t).as("expected a RuleViolation").isInstanceOf(RuleViolation.class);
        return (RuleViolation) t;
    }

    @Test
    void anEmptyPlanOrALineWithoutSerialsPasses() {
        inStock("X", OTHER_ITEM, ELSEWHERE);
        assertThatCode(() -> DocumentRules.checkKnownSerials(List.of(), existing)).doesNotThrowAnyException();
        accepts(line(Movement.SHIP));
    }

    // ================================================================= ADD, new serials only

    @Nested
    class AddNew {

        @ParameterizedTest
        @EnumSource(value = Movement.class, names = {"RECEIVE", "BUILD_OUTPUT", "WORK_ORDER_OUTPUT", "INITIALIZE"})
        void acceptsSerialsTheSystemHasNeverSeen(Movement m) {
            inStock("OTHER-1", ITEM, HERE);
            accepts(line(m, "NEW-1", "NEW-2"));
        }

        @ParameterizedTest
        @EnumSource(value = Movement.class, names = {"RECEIVE", "BUILD_OUTPUT", "WORK_ORDER_OUTPUT", "INITIALIZE"})
        void refusesASerialThatExistsInAnyStatus(Movement m) {
            inStock("IN-1", ITEM, HERE);
            exists("SHIPPED-1", ITEM, SerialStatus.SHIPPED, null);
            exists("CONSUMED-1", ITEM, SerialStatus.CONSUMED, null);
            exists("REMOVED-1", ITEM, SerialStatus.REMOVED, null);
            exists("OTHER-1", OTHER_ITEM, SerialStatus.SHIPPED, null);

            RuleViolation v = refuses(line(m, "NEW-1", "IN-1", "SHIPPED-1", "NEW-2", "CONSUMED-1", "REMOVED-1",
                    "OTHER-1"));
            assertThat(v.code()).isEqualTo(ErrorCode.DUPLICATE_SERIAL);
            assertThat(v.serials()).containsExactly("IN-1", "SHIPPED-1", "CONSUMED-1", "REMOVED-1", "OTHER-1");
            assertThat(v.getMessage()).startsWith("5 serial(s)");
        }

        @Test
        void matchesExistingSerialsCaseInsensitivelyAndNamesThemAsWritten() {
            exists("sn-1", ITEM, SerialStatus.SHIPPED, null);
            RuleViolation v = refuses(line(Movement.RECEIVE, "SN-1"));
            assertThat(v.code()).isEqualTo(ErrorCode.DUPLICATE_SERIAL);
            assertThat(v.serials()).containsExactly("SN-1");
        }
    }

    // ================================================================= ADJUSTMENT increase

    @Nested
    class AdjustIn {

        @Test
        void acceptsNewSerials() {
            accepts(line(Movement.ADJUST_IN, "FOUND-1"));
        }

        @Test
        void takesBackARemovedSerialOfTheSameItem() {
            exists("GONE-1", ITEM, SerialStatus.REMOVED, null);
            exists("gone-2", ITEM, SerialStatus.REMOVED, null);
            accepts(line(Movement.ADJUST_IN, "GONE-1", "GONE-2", "NEW-1"));
        }

        @Test
        void refusesARemovedSerialOfAnotherItem() {
            exists("GONE-1", OTHER_ITEM, SerialStatus.REMOVED, null);
            RuleViolation v = refuses(line(Movement.ADJUST_IN, "NEW-1", "GONE-1"));
            assertThat(v.code()).isEqualTo(ErrorCode.DUPLICATE_SERIAL);
            assertThat(v.serials()).containsExactly("GONE-1");
        }

        @ParameterizedTest
        @EnumSource(value = SerialStatus.class, names = {"IN_STOCK", "SHIPPED", "CONSUMED"})
        void refusesASerialOfTheSameItemThatWasNotRemoved(SerialStatus status) {
            exists("S-1", ITEM, status, status == SerialStatus.IN_STOCK ? ELSEWHERE : null);
            RuleViolation v = refuses(line(Movement.ADJUST_IN, "S-1", "NEW-1"));
            assertThat(v.code()).isEqualTo(ErrorCode.DUPLICATE_SERIAL);
            assertThat(v.serials()).containsExactly("S-1");
        }

        @Test
        void aPlainReceiptCannotTakeBackARemovedSerial() {
            exists("GONE-1", ITEM, SerialStatus.REMOVED, null);
            RuleViolation v = refuses(line(Movement.RECEIVE, "GONE-1"));
            assertThat(v.code()).isEqualTo(ErrorCode.DUPLICATE_SERIAL);
            assertThat(v.serials()).containsExactly("GONE-1");
        }
    }

    // ================================================================= RESTOCK

    @Nested
    class Return {

        @Test
        void takesBackAShippedSerialOfTheSameItem() {
            exists("SOLD-1", ITEM, SerialStatus.SHIPPED, null);
            exists("Sold-2", ITEM, SerialStatus.SHIPPED, null);
            accepts(line(Movement.RETURN, "SOLD-1", "sold-2"));
        }

        @Test
        void refusesAnUnknownSerial() {
            exists("SOLD-1", ITEM, SerialStatus.SHIPPED, null);
            RuleViolation v = refuses(line(Movement.RETURN, "SOLD-1", "NEVER-SEEN"));
            assertThat(v.code()).isEqualTo(ErrorCode.SERIAL_NOT_RETURNABLE);
            assertThat(v.serials()).containsExactly("NEVER-SEEN");
        }

        @Test
        void refusesAShippedSerialOfAnotherItem() {
            exists("SOLD-1", OTHER_ITEM, SerialStatus.SHIPPED, null);
            RuleViolation v = refuses(line(Movement.RETURN, "SOLD-1"));
            assertThat(v.code()).isEqualTo(ErrorCode.SERIAL_NOT_RETURNABLE);
            assertThat(v.serials()).containsExactly("SOLD-1");
        }

        @ParameterizedTest
        @EnumSource(value = SerialStatus.class, names = {"IN_STOCK", "CONSUMED", "REMOVED"})
        void refusesASerialOfTheSameItemThatWasNotShipped(SerialStatus status) {
            exists("S-1", ITEM, status, status == SerialStatus.IN_STOCK ? HERE : null);
            exists("SOLD-1", ITEM, SerialStatus.SHIPPED, null);
            RuleViolation v = refuses(line(Movement.RETURN, "SOLD-1", "S-1"));
            assertThat(v.code()).isEqualTo(ErrorCode.SERIAL_NOT_RETURNABLE);
            assertThat(v.serials()).containsExactly("S-1");
        }

        @Test
        void namesEveryUnreturnableSerial() {
            exists("SOLD-1", ITEM, SerialStatus.SHIPPED, null);
            exists("OTHER-1", OTHER_ITEM, SerialStatus.SHIPPED, null);
            exists("USED-1", ITEM, SerialStatus.CONSUMED, null);
            RuleViolation v = refuses(line(Movement.RETURN, "OTHER-1", "SOLD-1", "NEW-1", "USED-1"));
            assertThat(v.code()).isEqualTo(ErrorCode.SERIAL_NOT_RETURNABLE);
            assertThat(v.serials()).containsExactly("OTHER-1", "NEW-1", "USED-1");
            assertThat(v.getMessage()).startsWith("3 serial(s)");
        }
    }

    // ================================================================= REMOVE and MOVE

    @Nested
    class RemoveAndMove {

        @ParameterizedTest
        @EnumSource(value = Movement.class, names = {"SHIP", "ADJUST_OUT", "BUILD_CONSUME", "WORK_ORDER_CONSUME",
                "TRANSFER", "RELOCATE"})
        void acceptsSerialsInStockForTheItemAtTheLinesLocation(Movement m) {
            inStock("S-1", ITEM, HERE);
            inStock("s-2", ITEM, HERE);
            accepts(line(m, "S-1", "S-2"));
        }

        @ParameterizedTest
        @EnumSource(value = Movement.class, names = {"SHIP", "ADJUST_OUT", "BUILD_CONSUME", "WORK_ORDER_CONSUME",
                "TRANSFER", "RELOCATE"})
        void refusesAnUnknownSerial(Movement m) {
            inStock("S-1", ITEM, HERE);
            RuleViolation v = refuses(line(m, "S-1", "GHOST-1"));
            assertThat(v.code()).isEqualTo(ErrorCode.SERIAL_NOT_AVAILABLE);
            assertThat(v.serials()).containsExactly("GHOST-1");
        }

        @ParameterizedTest
        @EnumSource(value = Movement.class, names = {"SHIP", "ADJUST_OUT", "BUILD_CONSUME", "WORK_ORDER_CONSUME",
                "TRANSFER", "RELOCATE"})
        void refusesASerialOfAnotherItem(Movement m) {
            inStock("S-1", ITEM, HERE);
            inStock("S-2", OTHER_ITEM, HERE);
            RuleViolation v = refuses(line(m, "S-1", "S-2"));
            assertThat(v.code()).isEqualTo(ErrorCode.SERIAL_NOT_AVAILABLE);
            assertThat(v.serials()).containsExactly("S-2");
        }

        @ParameterizedTest
        @EnumSource(value = Movement.class, names = {"SHIP", "ADJUST_OUT", "BUILD_CONSUME", "WORK_ORDER_CONSUME",
                "TRANSFER", "RELOCATE"})
        void refusesASerialInStockAtAnotherLocation(Movement m) {
            inStock("S-1", ITEM, HERE);
            inStock("S-2", ITEM, ELSEWHERE);
            RuleViolation v = refuses(line(m, "S-1", "S-2"));
            assertThat(v.code()).isEqualTo(ErrorCode.SERIAL_NOT_AVAILABLE);
            assertThat(v.serials()).containsExactly("S-2");
        }

        @ParameterizedTest
        @EnumSource(value = SerialStatus.class, names = {"SHIPPED", "CONSUMED", "REMOVED"})
        void refusesASerialThatIsNoLongerInStock(SerialStatus status) {
            for (Movement m : List.of(Movement.SHIP, Movement.ADJUST_OUT, Movement.BUILD_CONSUME,
                    Movement.WORK_ORDER_CONSUME, Movement.TRANSFER, Movement.RELOCATE)) {
                existing.clear();
                inStock("S-1", ITEM, HERE);
                exists("S-2", ITEM, status, null);
                RuleViolation v = refuses(line(m, "S-1", "S-2"));
                assertThat(v.code()).as(m + " " + status).isEqualTo(ErrorCode.SERIAL_NOT_AVAILABLE);
                assertThat(v.serials()).as(m + " " + status).containsExactly("S-2");
            }
        }

        @Test
        void refusesANotInStockSerialEvenIfItStillCarriesTheLinesLocation() {
            // the status decides, not only the location
            exists("S-1", ITEM, SerialStatus.SHIPPED, HERE);
            RuleViolation v = refuses(line(Movement.SHIP, "S-1"));
            assertThat(v.code()).isEqualTo(ErrorCode.SERIAL_NOT_AVAILABLE);
            assertThat(v.serials()).containsExactly("S-1");
        }

        @Test
        void refusesAnInStockSerialWithoutALocation() {
            exists("S-1", ITEM, SerialStatus.IN_STOCK, null);
            RuleViolation v = refuses(line(Movement.SHIP, "S-1"));
            assertThat(v.code()).isEqualTo(ErrorCode.SERIAL_NOT_AVAILABLE);
            assertThat(v.serials()).containsExactly("S-1");
        }

        @Test
        void aMoveChecksTheFromLocationNotTheDestination() {
            // the serial sits where the line sends it, not where the line takes it from
            inStock("S-1", ITEM, ELSEWHERE + 100);
            RuleViolation v = refuses(line(Movement.TRANSFER, "S-1"));
            assertThat(v.code()).isEqualTo(ErrorCode.SERIAL_NOT_AVAILABLE);
            assertThat(v.serials()).containsExactly("S-1");
        }

        @Test
        void matchesCaseInsensitivelyAndNamesSerialsAsWritten() {
            inStock("abc-1", ITEM, ELSEWHERE);
            RuleViolation v = refuses(line(Movement.SHIP, "ABC-1"));
            assertThat(v.serials()).containsExactly("ABC-1");
            existing.clear();
            inStock("abc-1", ITEM, HERE);
            accepts(line(Movement.SHIP, "ABC-1"));
        }

        @Test
        void namesEveryUnavailableSerialAcrossLines() {
            inStock("A-1", ITEM, HERE);
            inStock("B-1", OTHER_ITEM, ELSEWHERE);
            inStock("A-2", ITEM, ELSEWHERE);
            RuleViolation v = refuses(
                    line(1, Movement.SHIP, ITEM, HERE, "A-1", "A-2"),
                    line(2, Movement.SHIP, OTHER_ITEM, ELSEWHERE, "B-1", "B-X"),
                    line(3, Movement.BUILD_CONSUME, ITEM, HERE, "B-1"));
            assertThat(v.code()).isEqualTo(ErrorCode.SERIAL_NOT_AVAILABLE);
            assertThat(v.serials()).containsExactly("A-2", "B-X", "B-1");
            assertThat(v.getMessage()).startsWith("3 serial(s)");
        }

        @Test
        void eachLineIsCheckedAgainstItsOwnItemAndLocation() {
            inStock("A-1", ITEM, HERE);
            inStock("B-1", OTHER_ITEM, ELSEWHERE);
            accepts(line(1, Movement.SHIP, ITEM, HERE, "A-1"),
                    line(2, Movement.TRANSFER, OTHER_ITEM, ELSEWHERE, "B-1"));
        }
    }

    // ================================================================= whole documents

    @Test
    void aDocumentMixingMovementsPassesWhenEveryLineIsRight() {
        inStock("OUT-1", ITEM, HERE);
        exists("BACK-1", ITEM, SerialStatus.SHIPPED, null);
        exists("FOUND-1", OTHER_ITEM, SerialStatus.REMOVED, null);
        accepts(line(1, Movement.RECEIVE, ITEM, HERE, "NEW-1"),
                line(2, Movement.SHIP, ITEM, HERE, "OUT-1"),
                line(3, Movement.RETURN, ITEM, HERE, "BACK-1"),
                line(4, Movement.ADJUST_IN, OTHER_ITEM, ELSEWHERE, "FOUND-1"));
    }

    @Test
    void eachErrorNamesOnlyTheSerialsOfItsOwnKind() {
        exists("DUP-1", ITEM, SerialStatus.SHIPPED, null);
        RuleViolation v = refuses(
                line(1, Movement.RECEIVE, ITEM, HERE, "DUP-1"),
                line(2, Movement.RETURN, ITEM, HERE, "NOT-SHIPPED"),
                line(3, Movement.SHIP, ITEM, HERE, "GHOST"));
        assertThat(v.code()).isEqualTo(ErrorCode.DUPLICATE_SERIAL);
        assertThat(v.serials()).containsExactly("DUP-1");

        RuleViolation v2 = refuses(
                line(2, Movement.RETURN, ITEM, HERE, "NOT-SHIPPED"),
                line(3, Movement.SHIP, ITEM, HERE, "GHOST"));
        assertThat(v2.code()).isEqualTo(ErrorCode.SERIAL_NOT_RETURNABLE);
        assertThat(v2.serials()).containsExactly("NOT-SHIPPED");
    }
}
