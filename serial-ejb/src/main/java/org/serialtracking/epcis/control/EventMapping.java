package org.serialtracking.epcis.control;

import org.serialtracking.transaction.DocumentType;
import org.serialtracking.transaction.LineRole;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which EPCIS event a document line becomes: the table of issue 15 in code, the one place that
 * decides it. Business steps and dispositions are CBV 2.0 terms, written as the bare words the
 * EPCIS 2.0 JSON-LD context defines ({@code receiving} for {@code https://ref.gs1.org/cbv/BizStep-receiving}).
 *
 * <ul>
 *   <li>A receipt brings serials into our stock: ADD, {@code receiving}, {@code in_progress}.</li>
 *   <li>A shipment sends them to the customer: OBSERVE, {@code shipping}, {@code in_transit}.</li>
 *   <li>A transfer or relocation is one posting that leaves the serials in stock at the destination:
 *       OBSERVE, {@code arriving} (CBV: "an object arrives at a location"; {@code departing} would
 *       leave them in transit for ever, and CBV has no "relocating"), {@code in_progress}, from the
 *       source location to the destination (and, between companies, from owner to owner).</li>
 *   <li>An adjustment's increase and a serial initialisation give serials to units we hold: ADD,
 *       {@code commissioning}, {@code active} ("introduced into the supply chain"); a decrease writes
 *       them off: DELETE, {@code decommissioning}, {@code inactive}, which CBV keeps for an object
 *       that "may be reintroduced": a written-off serial can come back by a later increase, so
 *       {@code destroying}/{@code destroyed} would be wrong. {@code stocking} means moving goods to
 *       the selling floor, which an adjustment does not.</li>
 *   <li>A restock takes back what a customer returned: ADD, {@code receiving}, {@code returned}.</li>
 *   <li>A build or work order consumes components into outputs that stay identifiable (a repair can
 *       take them out again): a TransformationEvent, {@code assembling} (CBV: "reversible, unlike
 *       transforming"), {@code active}.</li>
 *   <li>A repair puts components into a unit that exists: AggregationEvent ADD, {@code installing}
 *       (CBV: "the composite object exists prior to this step"), or takes them out: DELETE,
 *       {@code removing}; no disposition (the unit stays where it is).</li>
 * </ul>
 */
public record EventMapping(EventType type, Action action, String bizStep, String disposition, String transactionType) {

    /** The EPCIS event types this feed writes. */
    public enum EventType {
        ObjectEvent, AggregationEvent, TransformationEvent
    }

    /** An event's action (a TransformationEvent has none). */
    public enum Action {
        ADD, OBSERVE, DELETE
    }

    static final EventMapping RECEIVE = new EventMapping(EventType.ObjectEvent, Action.ADD, Cbv.RECEIVING, "in_progress", "recadv");
    static final EventMapping SHIP = new EventMapping(EventType.ObjectEvent, Action.OBSERVE, Cbv.SHIPPING, "in_transit", "desadv");
    static final EventMapping MOVE = new EventMapping(EventType.ObjectEvent, Action.OBSERVE, Cbv.ARRIVING, "in_progress", null);
    static final EventMapping COMMISSION = new EventMapping(EventType.ObjectEvent, Action.ADD, Cbv.COMMISSIONING, "active", null);
    static final EventMapping DECOMMISSION = new EventMapping(EventType.ObjectEvent, Action.DELETE, Cbv.DECOMMISSIONING, "inactive", null);
    static final EventMapping RETURN = new EventMapping(EventType.ObjectEvent, Action.ADD, Cbv.RECEIVING, "returned", "recadv");
    static final EventMapping ASSEMBLE = new EventMapping(EventType.TransformationEvent, null, Cbv.ASSEMBLING, "active", "prodorder");
    static final EventMapping INSTALL = new EventMapping(EventType.AggregationEvent, Action.ADD, Cbv.INSTALLING, null, null);
    static final EventMapping REMOVE = new EventMapping(EventType.AggregationEvent, Action.DELETE, Cbv.REMOVING, null, null);

    /** The event of a line of a document of this type (a build's or work order's lines make one event together). */
    public static EventMapping of(DocumentType type, LineRole role, BigDecimal quantity) {
        return switch (type) {
            case RECEIPT -> RECEIVE;
            case SHIPMENT -> SHIP;
            case TRANSFER, RELOCATION -> MOVE;
            case ADJUSTMENT -> quantity.signum() < 0 ? DECOMMISSION : COMMISSION;
            case SERIAL_INIT -> COMMISSION;
            case RESTOCK -> RETURN;
            case BUILD, WORK_ORDER -> ASSEMBLE;
            case REPAIR -> role == LineRole.INSTALL ? INSTALL : REMOVE;
        };
    }

    /** Whether the document's lines make one TransformationEvent together (else one event per line, or per unit). */
    public static boolean transforms(DocumentType type) {
        return type == DocumentType.BUILD || type == DocumentType.WORK_ORDER;
    }

    /** Whether a line's serials make one event per unit they went into or came out of. */
    public static boolean aggregates(DocumentType type) {
        return type == DocumentType.REPAIR;
    }

    /** The document types whose events may have this business step (a bare CBV word). */
    public static Set<DocumentType> typesWith(String bizStep) {
        Set<DocumentType> types = EnumSet.noneOf(DocumentType.class);
        for (DocumentType type : DocumentType.values()) {
            boolean has = Arrays.stream(new BigDecimal[]{BigDecimal.ONE, BigDecimal.ONE.negate()})
                    .anyMatch(q -> LineRole.of(type).isEmpty()
                            ? of(type, null, q).bizStep().equals(bizStep)
                            : LineRole.of(type).stream().anyMatch(r -> of(type, r, q).bizStep().equals(bizStep)));
            if (has) {
                types.add(type);
            }
        }
        return types;
    }
}
