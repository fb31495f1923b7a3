package org.serialtracking.transaction.control;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.serialtracking.common.ErrorCode;
import org.serialtracking.common.RuleViolation;
import org.serialtracking.item.entity.SerialState;
import org.serialtracking.party.PartyKind;
import org.serialtracking.serial.SerialNumber;
import org.serialtracking.transaction.DocumentType;
import org.serialtracking.transaction.LineRole;
import org.serialtracking.transaction.LineCommand;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

class DocumentRulesTest {

    // ---------------------------------------------------------------- fixtures

    static final ItemFacts TRACKED = new ItemFacts(1, "TRK-1", true, SerialState.TRACKED);
    static final ItemFacts TRACKED_2 = new ItemFacts(2, "TRK-2", true, SerialState.TRACKED);
    static final ItemFacts UNTRACKED = new ItemFacts(3, "BULK-1", false, SerialState.UNTRACKED);
    static final ItemFacts NOT_INITIALIZED = new ItemFacts(4, "NI-1", true, SerialState.NOT_INITIALIZED);

    static final LocationFacts ACME_A = new LocationFacts(10, "A", "ACME");
    static final LocationFacts ACME_B = new LocationFacts(11, "B", "ACME");
    static final LocationFacts OTHER_C = new LocationFacts(12, "C", "OTHER");

    /** Asserts that the call throws a RuleViolation and returns it. */
    static RuleViolation violation(ThrowingCallable call) {
        Throwable t = catchThrowable(call);
        assertThat(t).as("expected a RuleViolation").isInstanceOf(RuleViolation.class);
        return (RuleViolation) t;
    }

    static BigDecimal q(String s) {
        return new BigDecimal(s);
    }

    static boolean moves(DocumentType type) {
        return type == DocumentType.TRANSFER || type == DocumentType.RELOCATION;
    }

    /** The role of a well-shaped first line of the type (null where lines take none). */
    static LineRole roleFor(DocumentType type) {
        return LineRole.of(type).isEmpty() ? null : LineRole.of(type).get(0);
    }

    /** A line command that is well-shaped for the type except for what the test changes. */
    static LineCommand command(DocumentType type, BigDecimal quantity) {
        return LineCommand.of("TRK-1", "A", moves(type) ? "B" : null, quantity,
                roleFor(type), null);
    }

    // ================================================================= checkShape

    @Nested
    class CheckShape {

        @ParameterizedTest
        @EnumSource(DocumentType.class)
        void acceptsAWellShapedLineOfEveryType(DocumentType type) {
            boolean internal = type == DocumentType.SERIAL_INIT;
            assertThatCode(() -> DocumentRules.checkShape(type, List.of(command(type, q("1"))), internal))
                    .doesNotThrowAnyException();
        }

        @Test
        void refusesMissingType() {
            RuleViolation v = violation(() -> DocumentRules.checkShape(null,
                    List.of(command(DocumentType.RECEIPT, q("1"))), false));
            assertThat(v.code()).isEqualTo(ErrorCode.VALIDATION);
            assertThat(v.getMessage()).contains("type is required");
        }

        @Test
        void refusesNullAndEmptyLines() {
            RuleViolation none = violation(() -> DocumentRules.checkShape(DocumentType.RECEIPT, null, false));
            assertThat(none.code()).isEqualTo(ErrorCode.VALIDATION);
            assertThat(none.getMessage()).contains("at least one line");

            RuleViolation empty = violation(() -> DocumentRules.checkShape(DocumentType.RECEIPT, List.of(), false));
            assertThat(empty.code()).isEqualTo(ErrorCode.VALIDATION);
            assertThat(empty.getMessage()).contains("at least one line");
        }

        @Test
        void refusesMoreThanMaxLines() {
            LineCommand ok = command(DocumentType.RECEIPT, q("1"));
            assertThatCode(() -> DocumentRules.checkShape(DocumentType.RECEIPT,
                    Collections.nCopies(DocumentRules.MAX_LINES, ok), false)).doesNotThrowAnyException();
            RuleViolation v = violation(() -> DocumentRules.checkShape(DocumentType.RECEIPT,
                    Collections.nCopies(DocumentRules.MAX_LINES + 1, ok), false));
            assertThat(v.code()).isEqualTo(ErrorCode.VALIDATION);
            assertThat(v.getMessage()).contains(String.valueOf(DocumentRules.MAX_LINES));
        }

        @Test
        void refusesMoreThanMaxSerialsAcrossLines() {
            List<String> half = Collections.nCopies(DocumentRules.MAX_SERIALS / 2, "S");
            LineCommand line = LineCommand.of("TRK-1", "A", null, q("1"), null, half);
            LineCommand one = LineCommand.of("TRK-1", "A", null, q("1"), null, List.of("S"));
            assertThatCode(() -> DocumentRules.checkShape(DocumentType.RECEIPT, List.of(line, line), false))
                    .doesNotThrowAnyException();
            RuleViolation v = violation(() -> DocumentRules.checkShape(DocumentType.RECEIPT,
                    List.of(line, line, one), false));
            assertThat(v.code()).isEqualTo(ErrorCode.VALIDATION);
            assertThat(v.getMessage()).contains("at most " + DocumentRules.MAX_SERIALS + " serials");
        }

        @Test
        void refusesControlAndFormatCharactersInCodesNamingTheLineAndField() {
            RuleViolation nul = violation(() -> DocumentRules.checkShape(DocumentType.RECEIPT, List.of(
                    command(DocumentType.RECEIPT, q("1")),
                    LineCommand.of("TRK-1", "A\u0000", null, q("1"), null, null)), false));
            assertThat(nul.code()).isEqualTo(ErrorCode.VALIDATION);
            assertThat(nul.getMessage()).isEqualTo("line 2: location must not contain control characters (U+0000)");
            assertThat(violation(() -> DocumentRules.checkShape(DocumentType.TRANSFER, List.of(
                    LineCommand.of("TRK-1", "A", "B\u200b", q("1"), null, null)), false)).getMessage())
                    .isEqualTo("line 1: toLocation must not contain format characters (U+200B)");
            assertThat(violation(() -> DocumentRules.checkShape(DocumentType.RECEIPT, List.of(
                    LineCommand.of("TRK\u0007", "A", null, q("1"), null, null)), false)).getMessage())
                    .startsWith("line 1: sku must not contain control characters");
        }

        @ParameterizedTest
        @ValueSource(strings = {"1000000000000000", "-1000000000000000", "1E+30", "999999999999999999999.5"})
        void refusesQuantitiesTheDatabaseCannotHold(String quantity) {
            DocumentType type = quantity.startsWith("-") ? DocumentType.ADJUSTMENT : DocumentType.RECEIPT;
            RuleViolation v = violation(() -> DocumentRules.checkShape(type, List.of(
                    LineCommand.of("BULK-1", "A", null, q(quantity), null, null)), false));
            assertThat(v.code()).isEqualTo(ErrorCode.VALIDATION);
            assertThat(v.getMessage()).contains("quantity must be less than 1000000000000000");
            assertThatCode(() -> DocumentRules.checkShape(DocumentType.RECEIPT, List.of(
                    LineCommand.of("BULK-1", "A", null, q("999999999999999.9999"), null, null)), false))
                    .doesNotThrowAnyException();
        }

        @Test
        void refusesANullLineNamingItsNumber() {
            List<LineCommand> lines = Arrays.asList(command(DocumentType.RECEIPT, q("1")), null);
            RuleViolation v = violation(() -> DocumentRules.checkShape(DocumentType.RECEIPT, lines, false));
            assertThat(v.code()).isEqualTo(ErrorCode.VALIDATION);
            assertThat(v.getMessage()).contains("line 2");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "   "})
        void refusesBlankSkuAndLocation(String blank) {
            RuleViolation sku = violation(() -> DocumentRules.checkShape(DocumentType.RECEIPT,
                    List.of(LineCommand.of(blank, "A", null, q("1"), null, null)), false));
            assertThat(sku.code()).isEqualTo(ErrorCode.VALIDATION);
            assertThat(sku.getMessage()).contains("line 1").contains("sku is required");

            RuleViolation loc = violation(() -> DocumentRules.checkShape(DocumentType.RECEIPT,
                    List.of(LineCommand.of("TRK-1", blank, null, q("1"), null, null)), false));
            assertThat(loc.code()).isEqualTo(ErrorCode.VALIDATION);
            assertThat(loc.getMessage()).contains("line 1").contains("location is required");
        }

        @Test
        void refusesNullSkuLocationAndQuantity() {
            assertThat(violation(() -> DocumentRules.checkShape(DocumentType.RECEIPT,
                    List.of(LineCommand.of(null, "A", null, q("1"), null, null)), false)).getMessage())
                    .contains("sku is required");
            assertThat(violation(() -> DocumentRules.checkShape(DocumentType.RECEIPT,
                    List.of(LineCommand.of("TRK-1", null, null, q("1"), null, null)), false)).getMessage())
                    .contains("location is required");
            RuleViolation v = violation(() -> DocumentRules.checkShape(DocumentType.RECEIPT,
                    List.of(LineCommand.of("TRK-1", "A", null, null, null, null)), false));
            assertThat(v.code()).isEqualTo(ErrorCode.VALIDATION);
            assertThat(v.getMessage()).contains("quantity is required");
        }

        @Test
        void refusesMoreThanFourDecimalsButIgnoresTrailingZeros() {
            assertThatCode(() -> DocumentRules.checkShape(DocumentType.RECEIPT,
                    List.of(command(DocumentType.RECEIPT, q("1.2345"))), false)).doesNotThrowAnyException();
            assertThatCode(() -> DocumentRules.checkShape(DocumentType.RECEIPT,
                    List.of(command(DocumentType.RECEIPT, q("1.23450000"))), false)).doesNotThrowAnyException();
            RuleViolation v = violation(() -> DocumentRules.checkShape(DocumentType.RECEIPT,
                    List.of(command(DocumentType.RECEIPT, q("1.23456"))), false));
            assertThat(v.code()).isEqualTo(ErrorCode.VALIDATION);
            assertThat(v.getMessage()).contains("more than " + DocumentRules.MAX_SCALE + " decimals");
        }

        @ParameterizedTest
        @EnumSource(value = DocumentType.class, mode = EnumSource.Mode.EXCLUDE, names = "ADJUSTMENT")
        void refusesZeroAndNegativeQuantityOutsideAdjustments(DocumentType type) {
            boolean internal = type == DocumentType.SERIAL_INIT;
            for (String bad : List.of("0", "0.0000", "-1", "-0.5")) {
                RuleViolation v = violation(() -> DocumentRules.checkShape(type, List.of(command(type, q(bad))),
                        internal));
                assertThat(v.code()).as(type + " qty " + bad).isEqualTo(ErrorCode.VALIDATION);
                assertThat(v.getMessage()).as(type + " qty " + bad).contains("greater than 0");
            }
            assertThatCode(() -> DocumentRules.checkShape(type, List.of(command(type, q("0.0001"))), internal))
                    .doesNotThrowAnyException();
        }

        @Test
        void adjustmentTakesAnyNonZeroQuantity() {
            for (String ok : List.of("1", "-1", "2.5", "-2.5")) {
                assertThatCode(() -> DocumentRules.checkShape(DocumentType.ADJUSTMENT,
                        List.of(command(DocumentType.ADJUSTMENT, q(ok))), false)).as(ok).doesNotThrowAnyException();
            }
            for (String zero : List.of("0", "0.00", "-0")) {
                RuleViolation v = violation(() -> DocumentRules.checkShape(DocumentType.ADJUSTMENT,
                        List.of(command(DocumentType.ADJUSTMENT, q(zero))), false));
                assertThat(v.code()).isEqualTo(ErrorCode.VALIDATION);
                assertThat(v.getMessage()).contains("non-zero");
            }
        }

        @Test
        void namesTheLineWithTheBadQuantity() {
            RuleViolation v = violation(() -> DocumentRules.checkShape(DocumentType.RECEIPT,
                    List.of(command(DocumentType.RECEIPT, q("1")), command(DocumentType.RECEIPT, q("1")),
                            command(DocumentType.RECEIPT, q("0"))), false));
            assertThat(v.getMessage()).contains("line 3");
        }

        @ParameterizedTest
        @EnumSource(value = DocumentType.class, names = {"TRANSFER", "RELOCATION"})
        void movesRequireAToLocation(DocumentType type) {
            for (String missing : Arrays.asList(null, "", "  ")) {
                RuleViolation v = violation(() -> DocumentRules.checkShape(type,
                        List.of(LineCommand.of("TRK-1", "A", missing, q("1"), null, null)), false));
                assertThat(v.code()).isEqualTo(ErrorCode.VALIDATION);
                assertThat(v.getMessage()).contains("toLocation is required on a " + type);
            }
        }

        @ParameterizedTest
        @EnumSource(value = DocumentType.class, mode = EnumSource.Mode.EXCLUDE, names = {"TRANSFER", "RELOCATION"})
        void otherTypesRefuseAToLocation(DocumentType type) {
            LineCommand line = LineCommand.of("TRK-1", "A", "B", q("1"), roleFor(type),
                    null);
            RuleViolation v = violation(() -> DocumentRules.checkShape(type, List.of(line),
                    type == DocumentType.SERIAL_INIT));
            assertThat(v.code()).isEqualTo(ErrorCode.VALIDATION);
            assertThat(v.getMessage()).contains("toLocation is only for TRANSFER and RELOCATION");
        }

        @ParameterizedTest
        @EnumSource(value = DocumentType.class, mode = EnumSource.Mode.EXCLUDE, names = {"TRANSFER", "RELOCATION"})
        void otherTypesAcceptABlankToLocation(DocumentType type) {
            LineCommand line = LineCommand.of("TRK-1", "A", " ", q("1"), roleFor(type),
                    null);
            assertThatCode(() -> DocumentRules.checkShape(type, List.of(line), type == DocumentType.SERIAL_INIT))
                    .doesNotThrowAnyException();
        }

        @ParameterizedTest
        @EnumSource(value = DocumentType.class, names = {"BUILD", "WORK_ORDER"})
        void buildsRequireARoleOnEveryLine(DocumentType type) {
            LineCommand output = LineCommand.of("TRK-1", "A", null, q("1"), LineRole.OUTPUT, null);
            LineCommand noRole = LineCommand.of("TRK-2", "A", null, q("1"), null, null);
            RuleViolation v = violation(() -> DocumentRules.checkShape(type, List.of(output, noRole), false));
            assertThat(v.code()).isEqualTo(ErrorCode.VALIDATION);
            assertThat(v.getMessage()).contains("line 2").contains("role (OUTPUT or COMPONENT) is required");
        }

        @ParameterizedTest
        @EnumSource(value = DocumentType.class, mode = EnumSource.Mode.EXCLUDE, names = {"BUILD", "WORK_ORDER", "REPAIR"})
        void otherTypesRefuseARole(DocumentType type) {
            for (LineRole role : LineRole.values()) {
                LineCommand line = LineCommand.of("TRK-1", "A", moves(type) ? "B" : null, q("1"), role, null);
                RuleViolation v = violation(() -> DocumentRules.checkShape(type, List.of(line),
                        type == DocumentType.SERIAL_INIT));
                assertThat(v.code()).isEqualTo(ErrorCode.VALIDATION);
                assertThat(v.getMessage()).contains("role is only for BUILD and WORK_ORDER");
            }
        }

        @Test
        void aRepairTakesInstallAndUninstallLinesOnlyAndABuildNeverDoes() {
            LineCommand noRole = LineCommand.of("TRK-1", "A", null, q("1"), null, null);
            assertThat(violation(() -> DocumentRules.checkShape(DocumentType.REPAIR, List.of(noRole), false))
                    .getMessage()).contains("role (INSTALL or UNINSTALL) is required on a REPAIR");
            LineCommand output = LineCommand.of("TRK-1", "A", null, q("1"), LineRole.OUTPUT, null);
            assertThat(violation(() -> DocumentRules.checkShape(DocumentType.REPAIR, List.of(output), false))
                    .getMessage()).contains("line 1: role OUTPUT is not for a REPAIR");
            LineCommand install = LineCommand.of("TRK-1", "A", null, q("1"), LineRole.INSTALL, null);
            assertThat(violation(() -> DocumentRules.checkShape(DocumentType.BUILD, List.of(output, install), false))
                    .getMessage()).contains("line 2: role INSTALL is only for REPAIR lines");
            LineCommand uninstall = LineCommand.of("TRK-1", "A", null, q("1"), LineRole.UNINSTALL, null);
            assertThatCode(() -> DocumentRules.checkShape(DocumentType.REPAIR, List.of(uninstall, install), false))
                    .doesNotThrowAnyException();
        }

        @ParameterizedTest
        @EnumSource(value = DocumentType.class, names = {"BUILD", "WORK_ORDER"})
        void buildsNeedAnOutputLine(DocumentType type) {
            LineCommand component = LineCommand.of("TRK-2", "A", null, q("2"), LineRole.COMPONENT, null);
            LineCommand output = LineCommand.of("TRK-1", "A", null, q("1"), LineRole.OUTPUT, null);

            RuleViolation v = violation(() -> DocumentRules.checkShape(type, List.of(component, component), false));
            assertThat(v.code()).isEqualTo(ErrorCode.VALIDATION);
            assertThat(v.getMessage()).contains("needs at least one OUTPUT line");

            assertThatCode(() -> DocumentRules.checkShape(type, List.of(component, output), false))
                    .doesNotThrowAnyException();
        }

        @Test
        void serialInitIsRefusedUnlessInternal() {
            List<LineCommand> lines = List.of(LineCommand.of("TRK-1", "A", null, q("1"), null, List.of("S-1")));
            RuleViolation v = violation(() -> DocumentRules.checkShape(DocumentType.SERIAL_INIT, lines, false));
            assertThat(v.code()).isEqualTo(ErrorCode.VALIDATION);
            assertThat(v.getMessage()).contains("SERIAL_INIT");

            assertThatCode(() -> DocumentRules.checkShape(DocumentType.SERIAL_INIT, lines, true))
                    .doesNotThrowAnyException();
        }

        @ParameterizedTest
        @EnumSource(value = DocumentType.class, mode = EnumSource.Mode.EXCLUDE, names = "SERIAL_INIT")
        void internalFlagDoesNotLoosenOtherRules(DocumentType type) {
            RuleViolation v = violation(() -> DocumentRules.checkShape(type, List.of(), true));
            assertThat(v.code()).isEqualTo(ErrorCode.VALIDATION);
        }
    }

    // ================================================================= plan

    static ResolvedLine line(int no, ItemFacts item, String quantity, String... serials) {
        return new ResolvedLine(no, item, ACME_A, null, q(quantity), null, List.of(serials));
    }

    static ResolvedLine move(int no, LocationFacts from, LocationFacts to, String... serials) {
        return new ResolvedLine(no, TRACKED, from, to, q(String.valueOf(serials.length)), null, List.of(serials));
    }

    static ResolvedLine role(int no, ItemFacts item, LineRole role, String quantity, String... serials) {
        return new ResolvedLine(no, item, ACME_A, null, q(quantity), role, List.of(serials));
    }

    @Nested
    class Party {

        @Test
        void aReceiptNamesItsSupplierAShipmentOrAReturnItsCustomer() {
            assertThat(DocumentRules.party(DocumentType.RECEIPT, " SUP-1 ", null))
                    .contains(new PartyRef(PartyKind.SUPPLIER, "SUP-1"));
            assertThat(DocumentRules.party(DocumentType.SHIPMENT, null, "CUS-1"))
                    .contains(new PartyRef(PartyKind.CUSTOMER, "CUS-1"));
            assertThat(DocumentRules.party(DocumentType.RESTOCK, "", "CUS-1"))
                    .contains(new PartyRef(PartyKind.CUSTOMER, "CUS-1"));
            assertThat(DocumentRules.party(DocumentType.SHIPMENT, null, "  ")).isEmpty();
        }

        @ParameterizedTest
        @EnumSource(value = DocumentType.class, names = {"RESTOCK"}, mode = EnumSource.Mode.EXCLUDE)
        void onlyAReturnCarriesAnRmaAndReasons(DocumentType type) {
            LineCommand why = new LineCommand("TRK-1", "A", null, q("1"), null, null, null, "Broken", null, null);
            assertThat(violation(() -> DocumentRules.checkReturnDetails(type, "RMA-1", List.of())).getMessage())
                    .contains("rma is only for RESTOCK documents");
            assertThat(violation(() -> DocumentRules.checkReturnDetails(type, null, List.of(why))).getMessage())
                    .contains("line 1: reason is only for RESTOCK lines");
            assertThatCode(() -> DocumentRules.checkReturnDetails(DocumentType.RESTOCK, "RMA-1", List.of(why)))
                    .doesNotThrowAnyException();
            assertThat(violation(() -> DocumentRules.checkReturnDetails(DocumentType.RESTOCK, "R".repeat(101),
                    List.of())).getMessage()).contains("rma must be at most 100 characters");
        }

        @ParameterizedTest
        @EnumSource(value = DocumentType.class, names = {"RECEIPT"}, mode = EnumSource.Mode.EXCLUDE)
        void onlyAReceiptTakesASupplier(DocumentType type) {
            RuleViolation v = violation(() -> DocumentRules.party(type, "SUP-1", null));
            assertThat(v.code()).isEqualTo(ErrorCode.VALIDATION);
            assertThat(v.getMessage()).contains("supplier is only for RECEIPT");
        }

        @ParameterizedTest
        @EnumSource(value = DocumentType.class, names = {"SHIPMENT", "RESTOCK"}, mode = EnumSource.Mode.EXCLUDE)
        void onlyAShipmentOrAReturnTakesACustomer(DocumentType type) {
            RuleViolation v = violation(() -> DocumentRules.party(type, null, "CUS-1"));
            assertThat(v.code()).isEqualTo(ErrorCode.VALIDATION);
            assertThat(v.getMessage()).contains("customer is only for SHIPMENT and RESTOCK");
        }
    }

    @Nested
    class Plan {

        @Test
        void plansATrackedReceiptWithTrimmedSerialsInOrder() {
            List<PlannedLine> planned = DocumentRules.plan(DocumentType.RECEIPT,
                    List.of(line(1, TRACKED, "3", " SN-3", "sn-1 ", "Sn-2")), true);
            assertThat(planned).hasSize(1);
            PlannedLine p = planned.get(0);
            assertThat(p.lineNo()).isEqualTo(1);
            assertThat(p.movement()).isEqualTo(Movement.RECEIVE);
            assertThat(p.serials()).extracting(SerialNumber::value).containsExactly("SN-3", "sn-1", "Sn-2");
            assertThat(p.delta()).isEqualByComparingTo("3");
        }

        @Test
        void plansEveryLineWithItsOwnMovement() {
            List<PlannedLine> planned = DocumentRules.plan(DocumentType.BUILD, List.of(
                    role(1, TRACKED, LineRole.OUTPUT, "1", "OUT-1"),
                    role(2, TRACKED_2, LineRole.COMPONENT, "2", "C-1", "C-2"),
                    role(3, UNTRACKED, LineRole.COMPONENT, "0.75")), true);
            assertThat(planned).extracting(PlannedLine::movement)
                    .containsExactly(Movement.BUILD_OUTPUT, Movement.BUILD_CONSUME, Movement.BUILD_CONSUME);
            assertThat(planned).extracting(PlannedLine::lineNo).containsExactly(1, 2, 3);
            assertThat(planned.get(1).delta()).isEqualByComparingTo("-2");
            assertThat(planned.get(2).delta()).isEqualByComparingTo("-0.75");
            assertThat(planned.get(2).serials()).isEmpty();
        }

        @Test
        void negativeAdjustmentPlansAnAdjustOutWithOneSerialPerUnit() {
            List<PlannedLine> planned = DocumentRules.plan(DocumentType.ADJUSTMENT,
                    List.of(line(1, TRACKED, "-2", "A-1", "A-2")), true);
            assertThat(planned.get(0).movement()).isEqualTo(Movement.ADJUST_OUT);
            assertThat(planned.get(0).delta()).isEqualByComparingTo("-2");
        }

        // ---------------------------------------------------------- rule 2: serial count

        @Test
        void refusesFewerSerialsThanUnitsNamingBothCounts() {
            RuleViolation v = violation(() -> DocumentRules.plan(DocumentType.RECEIPT,
                    List.of(line(1, TRACKED, "3", "S-1", "S-2")), true));
            assertThat(v.code()).isEqualTo(ErrorCode.SERIAL_COUNT_MISMATCH);
            assertThat(v.getMessage()).contains("line 1").contains("TRK-1").contains("quantity 3")
                    .contains("2 given");
        }

        @Test
        void refusesMoreSerialsThanUnits() {
            RuleViolation v = violation(() -> DocumentRules.plan(DocumentType.SHIPMENT,
                    List.of(line(1, TRACKED, "1", "S-1", "S-2")), true));
            assertThat(v.code()).isEqualTo(ErrorCode.SERIAL_COUNT_MISMATCH);
            assertThat(v.getMessage()).contains("quantity 1").contains("needs 1 serial(s)").contains("2 given");
        }

        @Test
        void refusesATrackedLineWithoutSerials() {
            RuleViolation v = violation(() -> DocumentRules.plan(DocumentType.RECEIPT,
                    List.of(line(1, TRACKED, "2")), true));
            assertThat(v.code()).isEqualTo(ErrorCode.SERIAL_COUNT_MISMATCH);
            assertThat(v.getMessage()).contains("quantity 2").contains("0 given");
        }

        @Test
        void countsAgainstTheAbsoluteQuantityOfANegativeAdjustment() {
            RuleViolation v = violation(() -> DocumentRules.plan(DocumentType.ADJUSTMENT,
                    List.of(line(1, TRACKED, "-2", "S-1", "S-2", "S-3")), true));
            assertThat(v.code()).isEqualTo(ErrorCode.SERIAL_COUNT_MISMATCH);
            assertThat(v.getMessage()).contains("quantity 2").contains("3 given").doesNotContain("-2");
        }

        @Test
        void acceptsAWholeQuantityWrittenWithDecimals() {
            assertThatCode(() -> DocumentRules.plan(DocumentType.RECEIPT,
                    List.of(line(1, TRACKED, "2.000", "S-1", "S-2")), true)).doesNotThrowAnyException();
        }

        @Test
        void namesEveryMismatchedLine() {
            RuleViolation v = violation(() -> DocumentRules.plan(DocumentType.RECEIPT, List.of(
                    line(1, TRACKED, "2", "S-1"),
                    line(2, TRACKED_2, "1", "S-2"),
                    line(3, TRACKED_2, "1", "S-3", "S-4", "S-5")), true));
            assertThat(v.code()).isEqualTo(ErrorCode.SERIAL_COUNT_MISMATCH);
            assertThat(v.getMessage()).contains("line 1 (TRK-1): quantity 2").contains("1 given")
                    .contains("line 3 (TRK-2): quantity 1").contains("3 given").doesNotContain("line 2");
        }

        @Test
        void untrackedLinesAreNotCounted() {
            assertThatCode(() -> DocumentRules.plan(DocumentType.RECEIPT,
                    List.of(line(1, UNTRACKED, "5")), true)).doesNotThrowAnyException();
        }

        // ---------------------------------------------------------- whole quantities

        @Test
        void refusesAFractionalQuantityOnATrackedItem() {
            RuleViolation v = violation(() -> DocumentRules.plan(DocumentType.RECEIPT,
                    List.of(line(1, TRACKED, "1.5", "S-1", "S-2")), true));
            assertThat(v.code()).isEqualTo(ErrorCode.NON_INTEGER_QUANTITY);
            assertThat(v.getMessage()).contains("TRK-1").contains("1.5");
        }

        @Test
        void refusesAFractionalNegativeAdjustmentOnATrackedItem() {
            RuleViolation v = violation(() -> DocumentRules.plan(DocumentType.ADJUSTMENT,
                    List.of(line(1, TRACKED, "-0.5")), true));
            assertThat(v.code()).isEqualTo(ErrorCode.NON_INTEGER_QUANTITY);
        }

        @Test
        void acceptsDecimalQuantitiesOnUntrackedItems() {
            List<PlannedLine> planned = DocumentRules.plan(DocumentType.RECEIPT,
                    List.of(line(1, UNTRACKED, "2.5"), line(2, UNTRACKED, "0.0001")), true);
            assertThat(planned).extracting(PlannedLine::delta).usingElementComparator(BigDecimal::compareTo)
                    .containsExactly(q("2.5"), q("0.0001"));

            List<PlannedLine> adjusted = DocumentRules.plan(DocumentType.ADJUSTMENT,
                    List.of(line(1, UNTRACKED, "-1.25")), false);
            assertThat(adjusted.get(0).movement()).isEqualTo(Movement.ADJUST_OUT);
            assertThat(adjusted.get(0).delta()).isEqualByComparingTo("-1.25");
        }

        // ---------------------------------------------------------- rules 1 and 6: serials allowed

        @Test
        void refusesSerialsOnAnUntrackedItemNamingThem() {
            RuleViolation v = violation(() -> DocumentRules.plan(DocumentType.RECEIPT, List.of(
                    line(1, TRACKED, "1", "OK-1"),
                    line(2, UNTRACKED, "2", "X-1", "x-2")), true));
            assertThat(v.code()).isEqualTo(ErrorCode.SERIALS_NOT_ALLOWED);
            assertThat(v.serials()).containsExactly("X-1", "x-2");
            assertThat(v.getMessage()).contains("Line 2").contains("BULK-1");
        }

        @Test
        void refusesSerialsOnAnUntrackedItemAsTrackingDisabledWhenThePlatformIsOff() {
            RuleViolation v = violation(() -> DocumentRules.plan(DocumentType.RECEIPT,
                    List.of(line(1, UNTRACKED, "1", "X-1")), false));
            assertThat(v.code()).isEqualTo(ErrorCode.SERIAL_TRACKING_DISABLED);
            assertThat(v.serials()).containsExactly("X-1");
        }

        @Test
        void acceptsUntrackedLinesWithoutSerialsWhenThePlatformIsOff() {
            assertThatCode(() -> DocumentRules.plan(DocumentType.SHIPMENT,
                    List.of(line(1, UNTRACKED, "3.5")), false)).doesNotThrowAnyException();
        }

        @Test
        void refusesATrackedItemWhenThePlatformIsOff() {
            RuleViolation v = violation(() -> DocumentRules.plan(DocumentType.RECEIPT,
                    List.of(line(1, TRACKED, "1", "S-1")), false));
            assertThat(v.code()).isEqualTo(ErrorCode.SERIAL_TRACKING_DISABLED);
            assertThat(v.getMessage()).contains("TRK-1");
        }

        // ---------------------------------------------------------- rule 8: initialized

        @ParameterizedTest
        @EnumSource(value = DocumentType.class, mode = EnumSource.Mode.EXCLUDE, names = "SERIAL_INIT")
        void refusesAnItemNotYetInitialized(DocumentType type) {
            ResolvedLine l = new ResolvedLine(1, NOT_INITIALIZED, ACME_A,
                    type == DocumentType.TRANSFER ? ACME_B : type == DocumentType.RELOCATION ? OTHER_C : null,
                    q("1"), roleFor(type), List.of("S-1"));
            RuleViolation v = violation(() -> DocumentRules.plan(type, List.of(l), true));
            assertThat(v.code()).isEqualTo(ErrorCode.TRACKING_NOT_INITIALIZED);
            assertThat(v.getMessage()).contains("NI-1");
        }

        @Test
        void refusesAnUninitializedItemOnALaterLine() {
            RuleViolation v = violation(() -> DocumentRules.plan(DocumentType.RECEIPT, List.of(
                    line(1, TRACKED, "1", "S-1"),
                    line(2, NOT_INITIALIZED, "1", "S-2")), true));
            assertThat(v.code()).isEqualTo(ErrorCode.TRACKING_NOT_INITIALIZED);
        }

        @Test
        void serialInitializationIsAllowedOnAnUninitializedItem() {
            List<PlannedLine> planned = DocumentRules.plan(DocumentType.SERIAL_INIT,
                    List.of(line(1, NOT_INITIALIZED, "2", "S-1", "S-2")), true);
            assertThat(planned.get(0).movement()).isEqualTo(Movement.INITIALIZE);
            assertThat(planned.get(0).delta()).isEqualByComparingTo("0");
            assertThat(planned.get(0).serials()).extracting(SerialNumber::value).containsExactly("S-1", "S-2");
        }

        @Test
        void serialInitializationStillCountsSerials() {
            RuleViolation v = violation(() -> DocumentRules.plan(DocumentType.SERIAL_INIT,
                    List.of(line(1, NOT_INITIALIZED, "2", "S-1")), true));
            assertThat(v.code()).isEqualTo(ErrorCode.SERIAL_COUNT_MISMATCH);
        }

        // ---------------------------------------------------------- rule 3: duplicates in the document

        @Test
        void refusesTheSameSerialOnTwoLinesCaseInsensitively() {
            RuleViolation v = violation(() -> DocumentRules.plan(DocumentType.RECEIPT, List.of(
                    line(1, TRACKED, "2", "SN-1", "SN-2"),
                    line(2, TRACKED_2, "1", "sn-1")), true));
            assertThat(v.code()).isEqualTo(ErrorCode.DUPLICATE_IN_DOCUMENT);
            assertThat(v.serials()).containsExactly("sn-1");
            assertThat(v.getMessage()).contains("1 serial(s)");
        }

        @Test
        void refusesTheSameSerialTwiceOnOneLine() {
            RuleViolation v = violation(() -> DocumentRules.plan(DocumentType.SHIPMENT,
                    List.of(line(1, TRACKED, "3", "A-1", "B-1", "A-1")), true));
            assertThat(v.code()).isEqualTo(ErrorCode.DUPLICATE_IN_DOCUMENT);
            assertThat(v.serials()).containsExactly("A-1");
        }

        @Test
        void comparesSerialsAfterTrimming() {
            RuleViolation v = violation(() -> DocumentRules.plan(DocumentType.RECEIPT,
                    List.of(line(1, TRACKED, "2", " A-1", "a-1 ")), true));
            assertThat(v.code()).isEqualTo(ErrorCode.DUPLICATE_IN_DOCUMENT);
            assertThat(v.serials()).containsExactly("a-1");
        }

        @Test
        void namesEveryDuplicateOnceAndOnlyTheDuplicates() {
            RuleViolation v = violation(() -> DocumentRules.plan(DocumentType.RECEIPT, List.of(
                    line(1, TRACKED, "4", "A", "B", "C", "D"),
                    line(2, TRACKED_2, "4", "E", "B", "D", "B")), true));
            assertThat(v.code()).isEqualTo(ErrorCode.DUPLICATE_IN_DOCUMENT);
            assertThat(v.serials()).containsExactly("B", "D");
            assertThat(v.getMessage()).startsWith("2 serial(s)");
        }

        @Test
        void countsAMixedCaseTriplicateAsOneDuplicate() {
            RuleViolation v = violation(() -> DocumentRules.plan(DocumentType.RECEIPT,
                    List.of(line(1, TRACKED, "3", "X-1", "x-1", "X-1")), true));
            assertThat(v.code()).isEqualTo(ErrorCode.DUPLICATE_IN_DOCUMENT);
            assertThat(v.getMessage()).startsWith("1 serial(s)");
            assertThat(v.serials()).hasSize(1);
        }

        @Test
        void distinctSerialsDifferingOnlyInNonCaseCharactersAreNotDuplicates() {
            assertThatCode(() -> DocumentRules.plan(DocumentType.RECEIPT,
                    List.of(line(1, TRACKED, "3", "SN-1", "SN_1", "SN1")), true)).doesNotThrowAnyException();
        }

        // ---------------------------------------------------------- valid serials

        @Test
        void refusesInvalidSerialsNamingEachBadOneOfTheLine() {
            String tooLong = "x".repeat(SerialNumber.MAX_LENGTH + 1);
            RuleViolation v = violation(() -> DocumentRules.plan(DocumentType.RECEIPT, List.of(
                    line(1, TRACKED, "1", "OK-1"),
                    line(2, TRACKED_2, "4", "BAD\tX", "OK-2", tooLong, "  ")), true));
            assertThat(v.code()).isEqualTo(ErrorCode.INVALID_SERIAL);
            assertThat(v.serials()).containsExactly("BAD\tX", tooLong, "  ");
        }

        @Test
        void namesInvalidSerialsOfEveryLine() {
            RuleViolation v = violation(() -> DocumentRules.plan(DocumentType.RECEIPT, List.of(
                    line(1, TRACKED, "2", "OK-1", "  "),
                    line(2, TRACKED_2, "2", "BAD\tX", "OK-2")), true));
            assertThat(v.code()).isEqualTo(ErrorCode.INVALID_SERIAL);
            assertThat(v.serials()).containsExactly("  ", "BAD\tX");
        }

        @Test
        void refusesANullSerial() {
            ResolvedLine l = new ResolvedLine(1, TRACKED, ACME_A, null, q("2"), null, Arrays.asList("OK", null));
            RuleViolation v = violation(() -> DocumentRules.plan(DocumentType.RECEIPT, List.of(l), true));
            assertThat(v.code()).isEqualTo(ErrorCode.INVALID_SERIAL);
            assertThat(v.serials()).containsExactly("");
        }

        @Test
        void acceptsASerialOfMaximumLength() {
            String longest = "y".repeat(SerialNumber.MAX_LENGTH);
            List<PlannedLine> planned = DocumentRules.plan(DocumentType.RECEIPT,
                    List.of(line(1, TRACKED, "1", longest)), true);
            assertThat(planned.get(0).serials()).extracting(SerialNumber::value).containsExactly(longest);
        }

        // ---------------------------------------------------------- locations

        @Test
        void transferWithinOneCompanyIsPlanned() {
            List<PlannedLine> planned = DocumentRules.plan(DocumentType.TRANSFER,
                    List.of(move(1, ACME_A, ACME_B, "S-1")), true);
            assertThat(planned.get(0).movement()).isEqualTo(Movement.TRANSFER);
        }

        @Test
        void transferAcrossCompaniesIsRefused() {
            RuleViolation v = violation(() -> DocumentRules.plan(DocumentType.TRANSFER,
                    List.of(move(1, ACME_A, OTHER_C, "S-1")), true));
            assertThat(v.code()).isEqualTo(ErrorCode.VALIDATION);
            assertThat(v.getMessage()).contains("line 1").contains("ACME").contains("OTHER")
                    .contains("use a RELOCATION");
        }

        @Test
        void relocationAcrossCompaniesIsPlanned() {
            List<PlannedLine> planned = DocumentRules.plan(DocumentType.RELOCATION,
                    List.of(move(1, ACME_A, OTHER_C, "S-1")), true);
            assertThat(planned.get(0).movement()).isEqualTo(Movement.RELOCATE);
        }

        @Test
        void relocationWithinOneCompanyIsRefused() {
            RuleViolation v = violation(() -> DocumentRules.plan(DocumentType.RELOCATION,
                    List.of(move(1, ACME_A, ACME_B, "S-1")), true));
            assertThat(v.code()).isEqualTo(ErrorCode.VALIDATION);
            assertThat(v.getMessage()).contains("use a TRANSFER");
        }

        @ParameterizedTest
        @EnumSource(value = DocumentType.class, names = {"TRANSFER", "RELOCATION"})
        void refusesAMoveToTheSameLocation(DocumentType type) {
            LocationFacts sameIdOtherInstance = new LocationFacts(ACME_A.id(), ACME_A.code(), ACME_A.company());
            RuleViolation v = violation(() -> DocumentRules.plan(type,
                    List.of(move(1, ACME_A, sameIdOtherInstance, "S-1")), true));
            assertThat(v.code()).isEqualTo(ErrorCode.VALIDATION);
            assertThat(v.getMessage()).contains("are the same (A)");
        }

        @Test
        void comparesLocationIdsByValue() {
            // ids above the Long cache range catch an accidental identity comparison
            LocationFacts from = new LocationFacts(100_000, "X", "ACME");
            LocationFacts to = new LocationFacts(100_000, "X", "ACME");
            RuleViolation v = violation(() -> DocumentRules.plan(DocumentType.TRANSFER,
                    List.of(move(1, from, to, "S-1")), true));
            assertThat(v.getMessage()).contains("are the same");
        }

        @Test
        void namesTheOffendingLineOfAMultiLineTransfer() {
            RuleViolation v = violation(() -> DocumentRules.plan(DocumentType.TRANSFER, List.of(
                    move(1, ACME_A, ACME_B, "S-1"),
                    move(2, ACME_B, OTHER_C, "S-2")), true));
            assertThat(v.code()).isEqualTo(ErrorCode.VALIDATION);
            assertThat(v.getMessage()).startsWith("line 2:");
        }

        // ---------------------------------------------------------- whole documents

        @Test
        void aMixedDocumentPlansEveryLine() {
            List<ResolvedLine> lines = new ArrayList<>();
            lines.add(line(1, TRACKED, "2", "R-1", "R-2"));
            lines.add(line(2, UNTRACKED, "10.5"));
            lines.add(line(3, TRACKED_2, "1", "R-3"));
            List<PlannedLine> planned = DocumentRules.plan(DocumentType.RECEIPT, lines, true);
            assertThat(planned).hasSize(3).allSatisfy(p -> assertThat(p.movement()).isEqualTo(Movement.RECEIVE));
            assertThat(planned).extracting(p -> p.line()).containsExactlyElementsOf(lines);
        }
    }
}
