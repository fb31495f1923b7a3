package org.serialtracking.transaction.control;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.serialtracking.common.ErrorCode;
import org.serialtracking.common.RuleViolation;
import org.serialtracking.item.entity.SerialState;
import org.serialtracking.serial.SerialNumber;
import org.serialtracking.serial.SerialStatus;
import org.serialtracking.transaction.LineRole;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Which component went into which output of a build (issue 14). */
class GenealogyTest {

    static final LocationFacts HERE = new LocationFacts(1, "A", "ACME");

    static PlannedLine line(int no, LineRole role, Movement movement, String... serials) {
        ItemFacts item = new ItemFacts(no, "SKU-" + no, serials.length > 0, SerialState.TRACKED);
        ResolvedLine resolved = new ResolvedLine(no, item, HERE, null, BigDecimal.valueOf(Math.max(1, serials.length)),
                role, List.of(serials));
        return new PlannedLine(resolved, movement, SerialNumber.allOf(Arrays.asList(serials)));
    }

    static PlannedLine outputs(String... serials) {
        return line(1, LineRole.OUTPUT, Movement.BUILD_OUTPUT, serials);
    }

    static PlannedLine components(String... serials) {
        return line(2, LineRole.COMPONENT, Movement.BUILD_CONSUME, serials);
    }

    /** The serials as stored: as planned. */
    static Map<Integer, List<String>> stored(List<PlannedLine> plan) {
        Map<Integer, List<String>> stored = new HashMap<>();
        plan.forEach(l -> stored.put(l.lineNo(), l.serials().stream().map(SerialNumber::value).toList()));
        return stored;
    }

    static String key(String s) {
        return SerialNumber.keyOf(s);
    }

    @Test
    void withOneOutputEveryComponentGoesIntoItExactly() {
        List<PlannedLine> plan = List.of(outputs("P-1"), components("C-1", "C-2"));
        List<Map<String, String>> into = List.of(Map.of(), Map.of());
        Genealogy.check(plan, into);
        assertThat(Genealogy.links(plan, into, stored(plan))).containsExactly(
                new Genealogy.Link(key("C-1"), key("P-1"), true), new Genealogy.Link(key("C-2"), key("P-1"), true));
    }

    @Test
    void withSeveralOutputsAnUnassignedComponentGoesIntoEachNotExactlyAnAssignedOneIntoItsOwn() {
        List<PlannedLine> plan = List.of(outputs("P-1", "P-2"), components("C-1", "C-2"));
        List<Map<String, String>> into = List.of(Map.of(), Map.of("c-1", "p-2"));
        Genealogy.check(plan, into);
        assertThat(Genealogy.links(plan, into, stored(plan))).containsExactly(
                new Genealogy.Link(key("C-1"), key("P-2"), true),
                new Genealogy.Link(key("C-2"), key("P-1"), false), new Genealogy.Link(key("C-2"), key("P-2"), false));
    }

    @Test
    void aDocumentWithoutOutputSerialsLinksNothing() {
        List<PlannedLine> plan = List.of(outputs(), components("C-1"));
        assertThat(Genealogy.links(plan, List.of(Map.of(), Map.of()), stored(plan))).isEmpty();
    }

    @Test
    void anAssignmentNamesOnlyComponentsOfItsLineAndOutputsOfTheDocumentAndEveryOffenderIsNamed() {
        List<PlannedLine> plan = List.of(outputs("P-1"), components("C-1", "C-2"));
        RuleViolation v = catchThrowableOfType(() -> Genealogy.check(plan, List.of(Map.of(),
                Map.of("C-9", "P-1", "C-2", "X-1"))), RuleViolation.class);
        assertThat(v.code()).isEqualTo(ErrorCode.INVALID_ASSIGNMENT);
        assertThat(v.serials()).containsExactlyInAnyOrder("C-9", "X-1");
        assertThat(v.getMessage()).contains("not components of their line: C-9").contains("not outputs of this document: X-1");
    }

    @Test
    void onlyAComponentLineAssigns() {
        List<PlannedLine> plan = List.of(outputs("P-1"), components("C-1"));
        RuleViolation v = catchThrowableOfType(() -> Genealogy.check(plan, List.of(Map.of("P-1", "P-1"), Map.of())),
                RuleViolation.class);
        assertThat(v.code()).isEqualTo(ErrorCode.VALIDATION);
        assertThat(v.getMessage()).contains("line 1: into is only for COMPONENT lines");
    }

    @Test
    void aDocumentThatWouldWriteTooManyLinksMustAssign() {
        String[] out = new String[1_001];
        String[] in = new String[1_000];
        for (int i = 0; i < out.length; i++) {
            out[i] = "P-" + i;
        }
        for (int i = 0; i < in.length; i++) {
            in[i] = "C-" + i;
        }
        List<PlannedLine> plan = List.of(outputs(out), components(in));
        RuleViolation v = catchThrowableOfType(() -> Genealogy.check(plan, List.of(Map.of(), Map.of())),
                RuleViolation.class);
        assertThat(v.getMessage()).contains("1001000").contains("assign each component");
    }

    @Nested
    class Repair {

        final PlannedLine out = line(1, LineRole.UNINSTALL, Movement.UNINSTALL, "C-1");
        final PlannedLine in = line(2, LineRole.INSTALL, Movement.INSTALL, "C-7");

        @Test
        void anInstalledSerialGoesExactlyIntoTheUnitItNamesAndATakenOutOneIsNamedForItsLinksToEnd() {
            List<PlannedLine> plan = List.of(out, in);
            List<Map<String, String>> into = List.of(Map.of(), Map.of("C-7", "P-9"));
            Genealogy.check(plan, into);
            assertThat(Genealogy.links(plan, into, stored(plan))).containsExactly(
                    new Genealogy.Link(key("C-7"), key("P-9"), true));
            assertThat(Genealogy.installTargets(plan, into)).containsExactly(key("P-9"));
            assertThat(Genealogy.uninstalled(plan)).containsExactly(key("C-1"));
        }

        @Test
        void everyInstalledSerialMustSayWhichUnitItGoesInto() {
            PlannedLine two = line(2, LineRole.INSTALL, Movement.INSTALL, "C-7", "C-8");
            RuleViolation v = catchThrowableOfType(() -> Genealogy.check(List.of(two), List.of(Map.of("C-7", "P-9"))),
                    RuleViolation.class);
            assertThat(v.code()).isEqualTo(ErrorCode.INVALID_ASSIGNMENT);
            assertThat(v.serials()).containsExactly("C-8");
        }

        @Test
        void theUnitsWorkedOnMustExistBeInStockAndHoldWhatIsTakenOut() {
            List<PlannedLine> plan = List.of(out, in);
            List<Map<String, String>> into = List.of(Map.of(), Map.of("C-7", "P-9"));
            Map<String, List<Genealogy.Unit>> inP9 = Map.of(key("C-1"),
                    List.of(new Genealogy.Unit("P-9", SerialStatus.IN_STOCK)));
            Genealogy.checkRepair(plan, into, Map.of(key("P-9"), new Genealogy.Unit("P-9", SerialStatus.IN_STOCK)), inP9);

            RuleViolation unknown = catchThrowableOfType(() -> Genealogy.checkRepair(plan, into, Map.of(), inP9),
                    RuleViolation.class);
            assertThat(unknown.code()).isEqualTo(ErrorCode.INVALID_ASSIGNMENT);
            assertThat(unknown.serials()).containsExactly("P-9");
            RuleViolation shipped = catchThrowableOfType(() -> Genealogy.checkRepair(plan, into,
                    Map.of(key("P-9"), new Genealogy.Unit("P-9", SerialStatus.SHIPPED)), inP9), RuleViolation.class);
            assertThat(shipped.code()).isEqualTo(ErrorCode.UNIT_NOT_IN_STOCK);
            assertThat(shipped.serials()).containsExactly("P-9");
            RuleViolation loose = catchThrowableOfType(() -> Genealogy.checkRepair(plan, into,
                    Map.of(key("P-9"), new Genealogy.Unit("P-9", SerialStatus.IN_STOCK)), Map.of()), RuleViolation.class);
            assertThat(loose.code()).isEqualTo(ErrorCode.SERIAL_NOT_INSTALLED);
            assertThat(loose.serials()).containsExactly("C-1");
            // a repair cannot install a serial into one of its own serials
            RuleViolation own = catchThrowableOfType(() -> Genealogy.checkRepair(plan, List.of(Map.of(),
                    Map.of("C-7", "C-1")), Map.of(key("C-1"), new Genealogy.Unit("C-1", SerialStatus.CONSUMED)), inP9),
                    RuleViolation.class);
            assertThat(own.code()).isEqualTo(ErrorCode.INVALID_ASSIGNMENT);
        }
    }
}
