package org.serialtracking.item.boundary;

import org.serialtracking.common.Text;

/**
 * An item to create or change. On a change, fields left null keep their value; {@code version},
 * when given, must be the version read, or the change is refused as a conflict.
 * {@code initialStock} only on creation. {@code warrantyDays}: the warranty a unit gets from its
 * first shipment (1 to 36500 days; 0 removes it). {@code gtin}: the item's GS1 trade item number
 * (GTIN-8/12/13/14, stored as 14 digits; empty removes it): its serials may then be scanned from GS1 barcodes.
 */
public record ItemCommand(String sku, String name, Boolean trackSerials, Boolean autoSerialNumber,
                          String autoSerialFormat, InitialStock initialStock, Long version, Integer warrantyDays,
                          String gtin) {

    /** A SKU is a code: no control nor format characters (the service checks length and the rest). */
    public ItemCommand {
        Text.code("sku", sku);
    }
}
