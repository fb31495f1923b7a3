package org.serialtracking.transaction.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.serialtracking.common.ErrorCode;
import org.serialtracking.item.entity.SerialState;
import org.serialtracking.serial.HistoryType;
import org.serialtracking.serial.SerialNumber;
import org.serialtracking.serial.SerialStatus;
import org.serialtracking.transaction.DocumentType;
import org.serialtracking.transaction.LineRole;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The movement table: which movement each document line makes, and what that movement does. */
class MovementTest {

    private static final BigDecimal ONE = BigDecimal.ONE;

    // ---------------------------------------------------------------- Movement.of

    static Stream<Arguments> mappings() {
        return Stream.of(
                arguments(DocumentType.RECEIPT, null, "1", Movement.RECEIVE),
                arguments(DocumentType.SHIPMENT, null, "1", Movement.SHIP),
                arguments(DocumentType.TRANSFER, null, "1", Movement.TRANSFER),
                arguments(DocumentType.RELOCATION, null, "1", Movement.RELOCATE),
                arguments(DocumentType.ADJUSTMENT, null, "1", Movement.ADJUST_IN),
                arguments(DocumentType.ADJUSTMENT, null, "0.5", Movement.ADJUST_IN),
                arguments(DocumentType.ADJUSTMENT, null, "-1", Movement.ADJUST_OUT),
                arguments(DocumentType.ADJUSTMENT, null, "-0.0001", Movement.ADJUST_OUT),
                arguments(DocumentType.BUILD, LineRole.OUTPUT, "1", Movement.BUILD_OUTPUT),
                arguments(DocumentType.BUILD, LineRole.COMPONENT, "1", Movement.BUILD_CONSUME),
                arguments(DocumentType.WORK_ORDER, LineRole.OUTPUT, "1", Movement.WORK_ORDER_OUTPUT),
                arguments(DocumentType.WORK_ORDER, LineRole.COMPONENT, "1", Movement.WORK_ORDER_CONSUME),
                arguments(DocumentType.RESTOCK, null, "1", Movement.RETURN),
                arguments(DocumentType.REPAIR, LineRole.INSTALL, "1", Movement.INSTALL),
                arguments(DocumentType.REPAIR, LineRole.UNINSTALL, "1", Movement.UNINSTALL),
                arguments(DocumentType.SERIAL_INIT, null, "1", Movement.INITIALIZE));
    }

    @ParameterizedTest(name = "{0} role={1} qty={2} -> {3}")
    @MethodSource("mappings")
    void mapsEveryDocumentLineToItsMovement(DocumentType type, LineRole role, String quantity, Movement expected) {
        assertThat(Movement.of(type, role, new BigDecimal(quantity))).isEqualTo(expected);
    }

    @Test
    void mappingTableCoversEveryDocumentType() {
        assertThat(mappings().map(a -> (DocumentType) a.get()[0]).distinct())
                .containsExactlyInAnyOrder(DocumentType.values());
    }

    @Test
    void adjustmentDirectionFollowsTheSignOfTheQuantityNotItsSize() {
        assertThat(Movement.of(DocumentType.ADJUSTMENT, null, new BigDecimal("1000"))).isEqualTo(Movement.ADJUST_IN);
        assertThat(Movement.of(DocumentType.ADJUSTMENT, null, new BigDecimal("-1000"))).isEqualTo(Movement.ADJUST_OUT);
    }

    @ParameterizedTest
    @EnumSource(value = DocumentType.class, names = {"BUILD", "WORK_ORDER"})
    void outputAndComponentLinesOfTheSameBuildMoveInOppositeDirections(DocumentType type) {
        Movement output = Movement.of(type, LineRole.OUTPUT, ONE);
        Movement component = Movement.of(type, LineRole.COMPONENT, ONE);
        assertThat(output.mode()).isEqualTo(Movement.Mode.ADD);
        assertThat(component.mode()).isEqualTo(Movement.Mode.REMOVE);
        assertThat(component.statusAfterRemoval()).isEqualTo(SerialStatus.CONSUMED);
    }

    @ParameterizedTest
    @EnumSource(value = DocumentType.class, mode = EnumSource.Mode.EXCLUDE, names = {"BUILD", "WORK_ORDER"})
    void roleIsIgnoredOutsideBuildAndWorkOrder(DocumentType type) {
        BigDecimal q = ONE;
        assertThat(Movement.of(type, LineRole.OUTPUT, q)).isEqualTo(Movement.of(type, null, q));
        assertThat(Movement.of(type, LineRole.COMPONENT, q)).isEqualTo(Movement.of(type, null, q));
    }

    // ---------------------------------------------------------------- the table itself

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", value = {
            // movement,         mode,   accepts,        history,     status after removal, changes stock
            "RECEIVE,            ADD,    NEW,            RECEIVE,     -,         true",
            "SHIP,               REMOVE, -,              SHIP,        SHIPPED,   true",
            "TRANSFER,           MOVE,   -,              MOVEOUT,     -,         true",
            "RELOCATE,           MOVE,   -,              MOVEOUT,     -,         true",
            "ADJUST_IN,          ADD,    NEW_OR_REMOVED, ADJUST,      -,         true",
            "ADJUST_OUT,         REMOVE, -,              ADJUST,      REMOVED,   true",
            "BUILD_OUTPUT,       ADD,    NEW,            BUILD,       -,         true",
            "BUILD_CONSUME,      REMOVE, -,              CONSUME,     CONSUMED,  true",
            "WORK_ORDER_OUTPUT,  ADD,    NEW,            WORKBUILD,   -,         true",
            "WORK_ORDER_CONSUME, REMOVE, -,              WORKCONSUME, CONSUMED,  true",
            "RETURN,             ADD,    SHIPPED_ONLY,   RETURN,      -,         true",
            "INITIALIZE,         ADD,    NEW,            ADJUST,      -,         false",
            "INSTALL,            REMOVE, -,              INSTALL,     CONSUMED,  true",
            "UNINSTALL,          ADD,    CONSUMED_ONLY,  UNINSTALL,   -,         true",
    })
    void eachMovementHasItsModeAcceptedSerialsHistoryAndFinalStatus(Movement m, Movement.Mode mode,
                                                                    Movement.Accepts accepts, HistoryType history,
                                                                    SerialStatus afterRemoval, boolean changesStock) {
        assertThat(m.mode()).isEqualTo(mode);
        assertThat(m.accepts()).isEqualTo(accepts);
        assertThat(m.history()).isEqualTo(history);
        assertThat(m.statusAfterRemoval()).isEqualTo(afterRemoval);
        assertThat(m.changesStock()).isEqualTo(changesStock);
    }

    @Test
    void tableHasOneRowPerMovement() {
        // guards the parameterized table above against a movement added without a row
        assertThat(Movement.values()).hasSize(14);
    }

    @ParameterizedTest
    @EnumSource(Movement.class)
    void addMovementsSayWhichSerialsTheyAcceptAndRemovalsWhereSerialsEndUp(Movement m) {
        switch (m.mode()) {
            case ADD -> {
                assertThat(m.accepts()).isNotNull();
                assertThat(m.statusAfterRemoval()).isNull();
            }
            case REMOVE -> {
                assertThat(m.accepts()).isNull();
                assertThat(m.statusAfterRemoval()).isNotNull().isNotEqualTo(SerialStatus.IN_STOCK);
            }
            case MOVE -> {
                assertThat(m.accepts()).isNull();
                assertThat(m.statusAfterRemoval()).isNull();
                assertThat(m.history()).isEqualTo(HistoryType.MOVEOUT);
            }
        }
    }

    @Test
    void onlyInitializationLeavesStockUnchanged() {
        assertThat(Stream.of(Movement.values()).filter(m -> !m.changesStock())).containsExactly(Movement.INITIALIZE);
    }

    // ---------------------------------------------------------------- PlannedLine.delta

    @ParameterizedTest(name = "{0} qty={1} -> delta {2}")
    @CsvSource({
            "RECEIVE,            3,      3",
            "RECEIVE,            2.5,    2.5",
            "SHIP,               3,      -3",
            "SHIP,               0.25,   -0.25",
            "TRANSFER,           4,      -4",
            "RELOCATE,           4,      -4",
            "ADJUST_IN,          2,      2",
            "ADJUST_OUT,         -2,     -2",
            "ADJUST_OUT,         -1.5,   -1.5",
            "BUILD_OUTPUT,       1,      1",
            "BUILD_CONSUME,      5,      -5",
            "WORK_ORDER_OUTPUT,  1,      1",
            "WORK_ORDER_CONSUME, 5,      -5",
            "RETURN,             2,      2",
            "INITIALIZE,         7,      0",
            "INSTALL,            1,      -1",
            "UNINSTALL,          1,      1",
    })
    void deltaIsTheSignedStockChangeAtTheLinesLocation(Movement m, String quantity, String expected) {
        PlannedLine line = planned(m, new BigDecimal(quantity));
        assertThat(line.delta()).isEqualByComparingTo(expected);
    }

    @Test
    void negativeAdjustmentQuantityIsNotNegatedTwice() {
        // ADJUST_OUT lines carry a negative quantity; the delta must stay negative
        assertThat(planned(Movement.ADJUST_OUT, new BigDecimal("-3")).delta()).isEqualByComparingTo("-3");
        assertThat(planned(Movement.ADJUST_IN, new BigDecimal("3")).delta()).isEqualByComparingTo("3");
    }

    @Test
    void lineNoComesFromTheResolvedLine() {
        ResolvedLine resolved = new ResolvedLine(7, new ItemFacts(1, "X", false, SerialState.UNTRACKED),
                new LocationFacts(1, "A", "ACME"), null, ONE, null, List.of());
        assertThat(new PlannedLine(resolved, Movement.RECEIVE, List.<SerialNumber>of()).lineNo()).isEqualTo(7);
    }

    // ---------------------------------------------------------------- what the movement does

    @ParameterizedTest
    @EnumSource(Movement.class)
    void aCancellationWritesTheMirrorImageOfThePostingsHistoryAndStock(Movement m) {
        HistoryRow[] posted = m.historyRows(1, 2L, false);
        HistoryRow[] reversed = m.historyRows(1, 2L, true);
        assertThat(reversed).hasSameSizeAs(posted);
        for (int i = 0; i < posted.length; i++) {
            HistoryRow undone = reversed[posted.length - 1 - i];
            assertThat(undone.type()).isEqualTo(posted[i].type());
            assertThat(undone.locationId()).isEqualTo(posted[i].locationId());
            assertThat(undone.quantity()).isEqualTo(-posted[i].quantity());
        }
        ItemFacts item = new ItemFacts(1, "X", true, SerialState.TRACKED);
        LocationFacts a = new LocationFacts(1, "A", "ACME");
        LocationFacts b = new LocationFacts(2, "B", "ACME");
        BigDecimal q = m == Movement.ADJUST_OUT ? new BigDecimal("-3") : new BigDecimal("3");
        StockChanges both = new StockChanges();
        m.addStockChanges(both, item, a, m.mode() == Movement.Mode.MOVE ? b : null, q, false);
        m.addStockChanges(both, item, a, m.mode() == Movement.Mode.MOVE ? b : null, q, true);
        assertThat(both.netChanges()).allSatisfy(d -> assertThat(d).isEqualByComparingTo("0"));
    }

    @Test
    void aRepairTakesOutOnlyAConsumedSerialOfTheItem() {
        assertThat(Movement.UNINSTALL.refusal(new Movement.Found(SerialStatus.CONSUMED, true, false))).isEmpty();
        assertThat(Movement.UNINSTALL.refusal(new Movement.Found(SerialStatus.IN_STOCK, true, true)))
                .contains(ErrorCode.SERIAL_NOT_INSTALLED);
        assertThat(Movement.UNINSTALL.refusal(new Movement.Found(SerialStatus.CONSUMED, false, false)))
                .contains(ErrorCode.SERIAL_NOT_INSTALLED);
        assertThat(Movement.UNINSTALL.refusal(null)).contains(ErrorCode.SERIAL_NOT_INSTALLED);
        assertThat(Movement.INSTALL.refusal(new Movement.Found(SerialStatus.IN_STOCK, true, true))).isEmpty();
        assertThat(Movement.INSTALL.refusal(new Movement.Found(SerialStatus.CONSUMED, true, false)))
                .contains(ErrorCode.SERIAL_NOT_AVAILABLE);
    }

    @Test
    void historyRowsSayWhatHappenedWhere() {
        assertThat(Movement.RECEIVE.historyRows(1, null, false))
                .containsExactly(new HistoryRow(HistoryType.RECEIVE, 1, 1));
        assertThat(Movement.BUILD_CONSUME.historyRows(1, null, false))
                .containsExactly(new HistoryRow(HistoryType.CONSUME, -1, 1));
        assertThat(Movement.TRANSFER.historyRows(1, 2L, false)).containsExactly(
                new HistoryRow(HistoryType.MOVEOUT, -1, 1), new HistoryRow(HistoryType.MOVEIN, 1, 2));
        assertThat(Movement.TRANSFER.historyRows(1, 2L, true)).containsExactly(
                new HistoryRow(HistoryType.MOVEIN, -1, 2), new HistoryRow(HistoryType.MOVEOUT, 1, 1));
    }

    @Test
    void whereTheLineLeavesItsSerialsAndWhereCancellingPutsThemBack() {
        assertThat(Movement.RECEIVE.after(1, null)).isEqualTo(new SerialPlace(SerialStatus.IN_STOCK, 1L));
        assertThat(Movement.SHIP.after(1, null)).isEqualTo(new SerialPlace(SerialStatus.SHIPPED, null));
        assertThat(Movement.RELOCATE.after(1, 2L)).isEqualTo(new SerialPlace(SerialStatus.IN_STOCK, 2L));
        assertThat(Movement.SHIP.before(1)).isEqualTo(new SerialPlace(SerialStatus.IN_STOCK, 1L));
        assertThat(Movement.RETURN.before(1)).isEqualTo(new SerialPlace(SerialStatus.SHIPPED, null));
        assertThat(Movement.ADJUST_IN.before(1)).isEqualTo(new SerialPlace(SerialStatus.REMOVED, null));
        // a repair: what it took out goes back inside, what it put in back into stock
        assertThat(Movement.UNINSTALL.after(1, null)).isEqualTo(new SerialPlace(SerialStatus.IN_STOCK, 1L));
        assertThat(Movement.UNINSTALL.before(1)).isEqualTo(new SerialPlace(SerialStatus.CONSUMED, null));
        assertThat(Movement.INSTALL.after(1, null)).isEqualTo(new SerialPlace(SerialStatus.CONSUMED, null));
        assertThat(Movement.INSTALL.before(1)).isEqualTo(new SerialPlace(SerialStatus.IN_STOCK, 1L));
        // a removed serial is where the line left it in any location; one in stock only at its location
        assertThat(Movement.SHIP.after(1, null).holds(SerialStatus.SHIPPED, null)).isTrue();
        assertThat(Movement.RECEIVE.after(1, null).holds(SerialStatus.IN_STOCK, 2L)).isFalse();
        assertThat(Movement.RECEIVE.after(1, null).holds(SerialStatus.IN_STOCK, null)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Movement.class)
    void onlyLinesThatBringNewSerialsInGenerateThemAndOnlyRemovingLinesPickFromStock(Movement m) {
        assertThat(m.generatesSerials()).isEqualTo(m.mode() == Movement.Mode.ADD && m != Movement.RETURN
                && m != Movement.UNINSTALL);
        assertThat(m.takesFromStock()).isEqualTo(m.mode() != Movement.Mode.ADD);
    }

    @Test
    void theRestockRuleTakesBackOnlyAShippedSerialOfTheSameItem() {
        assertThat(Movement.RETURN.refusal(new Movement.Found(SerialStatus.SHIPPED, true, false))).isEmpty();
        assertThat(Movement.RETURN.refusal(new Movement.Found(SerialStatus.SHIPPED, false, false)))
                .contains(ErrorCode.SERIAL_NOT_RETURNABLE);
        assertThat(Movement.RETURN.refusal(new Movement.Found(SerialStatus.IN_STOCK, true, true)))
                .contains(ErrorCode.SERIAL_NOT_RETURNABLE);
        assertThat(Movement.RETURN.refusal(null)).contains(ErrorCode.SERIAL_NOT_RETURNABLE);
        // a return names its customer: a unit shipped to another customer does not come back through it
        assertThat(Movement.RETURN.refusal(new Movement.Found(SerialStatus.SHIPPED, true, false, true)))
                .contains(ErrorCode.RETURNED_BY_OTHER_CUSTOMER);
        assertThat(Movement.RETURN.refusal(new Movement.Found(SerialStatus.SHIPPED, false, false, true)))
                .contains(ErrorCode.SERIAL_NOT_RETURNABLE);
        // only a return asks who sends it back
        assertThat(Movement.ADJUST_IN.refusal(new Movement.Found(SerialStatus.REMOVED, true, false, true))).isEmpty();
    }

    private static PlannedLine planned(Movement m, BigDecimal quantity) {
        ResolvedLine resolved = new ResolvedLine(1, new ItemFacts(1, "X", false, SerialState.UNTRACKED),
                new LocationFacts(1, "A", "ACME"), m.mode() == Movement.Mode.MOVE
                ? new LocationFacts(2, "B", "ACME") : null, quantity, null, List.of());
        return new PlannedLine(resolved, m, List.of());
    }
}
