package org.serialtracking.trace.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import org.serialtracking.common.RuleViolation;
import org.serialtracking.serial.SerialNumber;
import org.serialtracking.trace.Trace;
import org.serialtracking.trace.TraceNode;
import org.serialtracking.trace.control.TraceRepository;
import org.serialtracking.trace.control.TraceRepository.Direction;
import org.serialtracking.trace.control.TraceRepository.Row;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Traces one serial through the builds that joined units (issue 14): backward, what it is made of
 * (each part with the receipt and supplier it came with, each build with its untracked materials);
 * forward, every unit it went into up to the top, with each unit's state now (in stock where,
 * shipped to whom on which document, consumed).
 */
@Stateless
public class TraceService {

    @Resource(lookup = "jdbc/serial")
    DataSource dataSource;

    public Trace trace(String serial, String direction) {
        SerialNumber sn = SerialNumber.of(serial);
        Direction d = direction(direction);
        try (Connection c = dataSource.getConnection()) {
            TraceRepository repo = new TraceRepository(c);
            List<Row> rows = repo.walk(sn.key(), d, Trace.MAX_NODES + 1);
            if (rows.isEmpty()) {
                throw RuleViolation.notFound("Serial", sn.value());
            }
            boolean truncated = rows.size() > Trace.MAX_NODES;
            List<Row> shown = truncated ? rows.subList(0, Trace.MAX_NODES) : rows;
            Map<Long, List<TraceNode.Material>> materials = d == Direction.BACKWARD
                    ? repo.materials(shown.stream().map(Row::builtById).filter(id -> id != null).distinct()
                    .mapToLong(Long::longValue).toArray()) : Map.of();
            return new Trace(d.name().toLowerCase(), truncated, shown.size(), tree(shown, materials));
        } catch (SQLException e) {
            throw new EJBException(e);
        }
    }

    private static Direction direction(String direction) {
        if (direction == null || direction.isBlank() || direction.strip().equalsIgnoreCase("backward")) {
            return Direction.BACKWARD;
        }
        if (direction.strip().equalsIgnoreCase("forward")) {
            return Direction.FORWARD;
        }
        throw RuleViolation.invalid("direction must be backward (what it is made of) or forward (what it went into)");
    }

    /** The rows (nearest first, parents before children) as one tree. */
    private static TraceNode tree(List<Row> rows, Map<Long, List<TraceNode.Material>> materials) {
        Map<String, List<String>> childrenOf = new HashMap<>();
        Map<String, Row> byKey = new HashMap<>();
        for (Row r : rows) {
            byKey.put(r.key(), r);
            if (r.parentKey() != null) {
                childrenOf.computeIfAbsent(r.parentKey(), k -> new ArrayList<>()).add(r.key());
            }
        }
        return node(rows.get(0), byKey, childrenOf, materials);
    }

    private static TraceNode node(Row row, Map<String, Row> byKey, Map<String, List<String>> childrenOf,
                                  Map<Long, List<TraceNode.Material>> materials) {
        List<TraceNode> children = new ArrayList<>();
        for (String child : childrenOf.getOrDefault(row.key(), List.of())) {
            children.add(node(byKey.get(child), byKey, childrenOf, materials));
        }
        TraceNode n = row.node();
        return new TraceNode(n.serial(), n.sku(), n.status(), n.location(), n.lastDocument(), n.customer(),
                n.joinedBy(), n.exact(), n.linkedAt(), n.removedBy(), n.removedAt(), n.builtBy(), n.receivedOn(),
                n.supplier(),
                row.builtById() == null ? List.of() : materials.getOrDefault(row.builtById(), List.of()), children);
    }
}
