package org.serialtracking.transaction;

import org.serialtracking.serial.SerialAttributes;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One line of a document to post. {@code toLocation} only on TRANSFER/RELOCATION lines, {@code role}
 * only on BUILD/WORK_ORDER lines; {@code serials} only for items that track serials. {@code into}
 * only on a COMPONENT line: which output serial of the document each of its serials went into
 * (component serial → output serial; optional, see {@code Genealogy}). {@code reason} only on a
 * RESTOCK line: why the customer sent the units back.
 * <p>
 * {@code serialsFormat} says how {@code serials} are written: {@code PLAIN} (the default: serial numbers
 * as they are), {@code GS1} (every entry a GS1 barcode's data: element string, the form with
 * parentheses or a Digital Link URI; its (01) must be the item's GTIN, its (21) is the serial, its
 * (10) and (17) the lot and expiry) or {@code AUTO} (GS1 where the item has a GTIN and the entry looks
 * like GS1, else plain: what the screens do with scans). {@code serialAttributes}: lot and expiry by
 * serial, for serials written plain; recorded on the serials a line creates, checked against those
 * it moves.
 */
public record LineCommand(String sku, String location, String toLocation, BigDecimal quantity, LineRole role,
                          List<String> serials, Map<String, String> into, String reason,
                          String serialsFormat, Map<String, SerialAttributes> serialAttributes) {

    /** A line that assigns no components (a factory: JSON binding needs the record's one constructor). */
    public static LineCommand of(String sku, String location, String toLocation, BigDecimal quantity, LineRole role,
                                 List<String> serials) {
        return new LineCommand(sku, location, toLocation, quantity, role, serials, null, null, null, null);
    }

    public List<String> serialsOrEmpty() {
        return serials == null ? List.of() : serials;
    }

    public Map<String, SerialAttributes> serialAttributesOrEmpty() {
        return serialAttributes == null ? Map.of() : serialAttributes;
    }

    public Map<String, String> intoOrEmpty() {
        return into == null ? Map.of() : into;
    }
}
