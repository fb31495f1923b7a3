package org.serialtracking.recall;

import org.serialtracking.serial.Warranty;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A top-level unit a recall reaches, as it is now.
 *
 * @param location  where it is, while in stock
 * @param customer  the customer its last shipment went to (still there when SHIPPED, sent it back when RETURNED)
 * @param shipment  that shipment
 * @param suspect   the suspect it contains (or is)
 * @param source    why that serial is a suspect (SERIAL, COMPONENT, SUPPLIER, RECEIPT, MATERIAL)
 * @param document  the build or receipt that made it a suspect, if one did
 * @param path      the serials from the suspect up to this unit, the suspect first
 * @param exact     false when a build along the path did not say which of its outputs took the component:
 *                  the unit may contain the suspect (a recall over-includes, it never misses)
 */
public record RecallUnit(String serial, String sku, UnitState state, String location, String customer,
                         String shipment, OffsetDateTime shippedAt, Warranty warranty, String suspect, String source,
                         String document, List<String> path, boolean exact) implements java.io.Serializable {
}
