package org.serialtracking.transaction.control;

import org.serialtracking.common.ErrorCode;
import org.serialtracking.common.RuleViolation;
import org.serialtracking.serial.SerialNumber;
import org.serialtracking.transaction.LineRole;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which consumed component serial went into which output serial of a BUILD or WORK_ORDER (issue 14).
 * A COMPONENT line may assign its serials ({@code into}: component → output serial of the same
 * document). A component without an assignment goes into the one output serial when there is one;
 * with several, into every output, and those links are not {@code exact} (a recall then
 * over-includes; it never misses).
 */
public final class Genealogy {

    /** One document writes at most this many links: beyond, its components must be assigned. */
    public static final int MAX_LINKS = 1_000_000;

    /** A component serial went into an assembly serial (keys, see {@link SerialNumber#key}). */
    public record Link(String componentKey, String assemblyKey, boolean exact) {
    }

    private Genealogy() {
    }

    /**
     * Checks the assignments against the planned document, before anything is written: only
     * COMPONENT lines assign, each key a serial of its line, each value an output serial of the
     * document; every offender is named. Also refuses a document whose unassigned components would
     * need more than {@value #MAX_LINKS} links.
     *
     * @param into the assignments of each line, in line order (empty maps for lines without)
     */
    public static void check(List<PlannedLine> plan, List<Map<String, String>> into) {
        Set<String> outputs = outputKeys(plan);
        List<String> notOnLine = new ArrayList<>();
        List<String> notOutputs = new ArrayList<>();
        long links = 0;
        for (int i = 0; i < plan.size(); i++) {
            PlannedLine line = plan.get(i);
            Map<String, String> assigned = i < into.size() ? into.get(i) : Map.of();
            if (!assigned.isEmpty() && line.line().role() != LineRole.COMPONENT) {
                throw RuleViolation.invalid("line " + line.lineNo() + ": into is only for COMPONENT lines of a BUILD "
                        + "or a WORK_ORDER");
            }
            Set<String> mine = new LinkedHashSet<>();
            line.serials().forEach(s -> mine.add(s.key()));
            for (Map.Entry<String, String> a : assigned.entrySet()) {
                SerialNumber component = SerialNumber.of(a.getKey());
                SerialNumber output = SerialNumber.of(a.getValue());
                if (!mine.contains(component.key())) {
                    notOnLine.add(component.value());
                }
                if (!outputs.contains(output.key())) {
                    notOutputs.add(output.value());
                }
            }
            if (line.line().role() == LineRole.COMPONENT) {
                long unassigned = mine.size() - assignedKeys(assigned).size();
                links += assigned.size() + unassigned * Math.max(1, outputs.size());
            }
        }
        if (!notOnLine.isEmpty() || !notOutputs.isEmpty()) {
            List<String> named = new ArrayList<>(notOnLine);
            named.addAll(notOutputs);
            throw new RuleViolation(ErrorCode.INVALID_ASSIGNMENT, (notOnLine.isEmpty() ? ""
                    : notOnLine.size() + " assigned serial(s) are not components of their line: "
                    + String.join(", ", notOnLine) + (notOutputs.isEmpty() ? "" : "; "))
                    + (notOutputs.isEmpty() ? "" : notOutputs.size() + " serial(s) they are assigned to are not "
                    + "outputs of this document: " + String.join(", ", notOutputs)), named);
        }
        if (links > MAX_LINKS) {
            throw RuleViolation.invalid("this document would link " + links + " component serials to outputs (at most "
                    + MAX_LINKS + "): assign each component to its output with into");
        }
    }

    /**
     * The links of a posted document: its stored output serials (a generated one may have been
     * replaced at insertion) and its consumed component serials.
     *
     * @param stored the serials of each line as stored, by line number
     */
    public static List<Link> links(List<PlannedLine> plan, List<Map<String, String>> into,
                                   Map<Integer, List<String>> stored) {
        List<String> outputs = new ArrayList<>();
        for (PlannedLine line : plan) {
            if (line.line().role() == LineRole.OUTPUT) {
                stored.getOrDefault(line.lineNo(), List.of()).forEach(s -> outputs.add(SerialNumber.keyOf(s)));
            }
        }
        List<Link> links = new ArrayList<>();
        if (outputs.isEmpty()) {
            return links;
        }
        for (int i = 0; i < plan.size(); i++) {
            PlannedLine line = plan.get(i);
            if (line.line().role() != LineRole.COMPONENT) {
                continue;
            }
            Map<String, String> assigned = assignedKeys(i < into.size() ? into.get(i) : Map.of());
            for (String component : stored.getOrDefault(line.lineNo(), List.of())) {
                String key = SerialNumber.keyOf(component);
                String output = assigned.get(key);
                if (output != null) {
                    links.add(new Link(key, output, true));
                } else if (outputs.size() == 1) {
                    links.add(new Link(key, outputs.get(0), true));
                } else {
                    outputs.forEach(o -> links.add(new Link(key, o, false)));
                }
            }
        }
        return links;
    }

    private static Set<String> outputKeys(List<PlannedLine> plan) {
        Set<String> outputs = new LinkedHashSet<>();
        for (PlannedLine line : plan) {
            if (line.line().role() == LineRole.OUTPUT) {
                line.serials().forEach(s -> outputs.add(s.key()));
            }
        }
        return outputs;
    }

    /** An assignment by keys: component key → output key. */
    private static Map<String, String> assignedKeys(Map<String, String> into) {
        Map<String, String> keys = new HashMap<>();
        into.forEach((component, output) -> keys.put(SerialNumber.keyOf(component), SerialNumber.keyOf(output)));
        return keys;
    }
}
