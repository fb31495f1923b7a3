package org.serialtracking.transaction.control;

import org.serialtracking.common.ErrorCode;
import org.serialtracking.common.RuleViolation;
import org.serialtracking.serial.SerialNumber;
import org.serialtracking.serial.SerialStatus;
import org.serialtracking.transaction.LineRole;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
            LineRole role = line.line().role();
            if (!assigned.isEmpty() && role != LineRole.COMPONENT && role != LineRole.INSTALL) {
                throw RuleViolation.invalid("line " + line.lineNo() + ": into is only for COMPONENT lines of a BUILD "
                        + "or a WORK_ORDER and INSTALL lines of a REPAIR");
            }
            Set<String> mine = new LinkedHashSet<>();
            line.serials().forEach(s -> mine.add(s.key()));
            for (Map.Entry<String, String> a : assigned.entrySet()) {
                SerialNumber component = SerialNumber.of(a.getKey());
                SerialNumber output = SerialNumber.of(a.getValue());
                if (!mine.contains(component.key())) {
                    notOnLine.add(component.value());
                }
                // a repair installs into units that exist (checked against the database), a build into its outputs
                if (role == LineRole.COMPONENT && !outputs.contains(output.key())) {
                    notOutputs.add(output.value());
                }
            }
            if (role == LineRole.INSTALL) {
                Set<String> unassigned = new LinkedHashSet<>(mine);
                unassigned.removeAll(assignedKeys(assigned).keySet());
                if (!unassigned.isEmpty()) {
                    List<String> named = line.serials().stream().filter(sn -> unassigned.contains(sn.key()))
                            .map(SerialNumber::value).toList();
                    throw new RuleViolation(ErrorCode.INVALID_ASSIGNMENT, "line " + line.lineNo() + ": say which "
                            + "unit each installed serial goes into (into): " + String.join(", ", named), named);
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
        Set<String> outputKeys = new HashSet<>(outputs);
        List<Link> links = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            PlannedLine line = plan.get(i);
            if (line.line().role() == LineRole.INSTALL) {
                assignedKeys(i < into.size() ? into.get(i) : Map.of())
                        .forEach((component, unit) -> links.add(new Link(component, unit, true)));
            }
            if (line.line().role() != LineRole.COMPONENT || outputs.isEmpty()) {
                continue;
            }
            Map<String, String> assigned = assignedKeys(i < into.size() ? into.get(i) : Map.of());
            for (String component : stored.getOrDefault(line.lineNo(), List.of())) {
                String key = SerialNumber.keyOf(component);
                String output = assigned.get(key);
                if (output != null && !outputKeys.contains(output)) {
                    // checked against the stand-ins of generated outputs; another document took that number first
                    throw new RuleViolation(ErrorCode.INVALID_ASSIGNMENT, "line " + line.lineNo() + ": " + output
                            + " is not an output of this build: its number was issued to another document meanwhile",
                            List.of(output));
                }
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

    /** A unit a repair works on, as the database has it (locked). */
    public record Unit(String serial, SerialStatus status) {
    }

    /** The units a repair installs into (keys), from its INSTALL lines' assignments. */
    public static Set<String> installTargets(List<PlannedLine> plan, List<Map<String, String>> into) {
        Set<String> targets = new LinkedHashSet<>();
        for (int i = 0; i < plan.size(); i++) {
            if (plan.get(i).line().role() == LineRole.INSTALL) {
                targets.addAll(assignedKeys(i < into.size() ? into.get(i) : Map.of()).values());
            }
        }
        return targets;
    }

    /** The serials a repair takes out of units (keys), from its UNINSTALL lines. */
    public static Set<String> uninstalled(List<PlannedLine> plan) {
        Set<String> keys = new LinkedHashSet<>();
        for (PlannedLine line : plan) {
            if (line.line().role() == LineRole.UNINSTALL) {
                line.serials().forEach(sn -> keys.add(sn.key()));
            }
        }
        return keys;
    }

    /**
     * A repair works on units in stock, as they are now: every unit it installs into exists, is in
     * stock and is none of the repair's own serials; every serial it takes out is inside a unit
     * (a link that holds now), and that unit is in stock. Every offender is named.
     *
     * @param targets the units installed into, by key (absent: no such serial)
     * @param holders the units each uninstalled serial is inside now, by the serial's key
     */
    public static void checkRepair(List<PlannedLine> plan, List<Map<String, String>> into, Map<String, Unit> targets,
                                   Map<String, List<Unit>> holders) {
        Set<String> own = new LinkedHashSet<>();
        plan.forEach(p -> p.serials().forEach(sn -> own.add(sn.key())));
        List<String> unknown = new ArrayList<>();
        List<String> notInStock = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            if (plan.get(i).line().role() != LineRole.INSTALL) {
                continue;
            }
            for (String unitSpelled : (i < into.size() ? into.get(i) : Map.<String, String>of()).values()) {
                String key = SerialNumber.keyOf(unitSpelled);
                Unit unit = targets.get(key);
                if (unit == null || own.contains(key)) {
                    unknown.add(unitSpelled.strip());
                } else if (unit.status() != SerialStatus.IN_STOCK && !notInStock.contains(unit.serial())) {
                    notInStock.add(unit.serial());
                }
            }
        }
        if (!unknown.isEmpty()) {
            throw new RuleViolation(ErrorCode.INVALID_ASSIGNMENT, unknown.size() + " unit(s) to install into are no "
                    + "serials of ours, or serials of this repair: " + String.join(", ", unknown), unknown);
        }
        List<String> notInside = new ArrayList<>();
        for (PlannedLine line : plan) {
            if (line.line().role() != LineRole.UNINSTALL) {
                continue;
            }
            for (SerialNumber sn : line.serials()) {
                List<Unit> in = holders.getOrDefault(sn.key(), List.of());
                if (in.isEmpty()) {
                    notInside.add(sn.value());
                }
                in.stream().filter(u -> u.status() != SerialStatus.IN_STOCK && !notInStock.contains(u.serial()))
                        .forEach(u -> notInStock.add(u.serial()));
            }
        }
        if (!notInside.isEmpty()) {
            throw new RuleViolation(ErrorCode.SERIAL_NOT_INSTALLED, notInside.size() + " serial(s) are inside no unit "
                    + "now, so they cannot be taken out: " + String.join(", ", notInside), notInside);
        }
        if (!notInStock.isEmpty()) {
            throw new RuleViolation(ErrorCode.UNIT_NOT_IN_STOCK, notInStock.size() + " unit(s) are not in stock: a "
                    + "repair works on units in stock (restock a unit a customer sends back first): "
                    + String.join(", ", notInStock), notInStock);
        }
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
