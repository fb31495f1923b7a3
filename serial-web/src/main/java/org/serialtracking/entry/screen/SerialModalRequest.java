package org.serialtracking.entry.screen;

import org.serialtracking.serial.SerialAttributes;
import org.serialtracking.transaction.control.Movement;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What the modal is opened for.
 *
 * @param movement   what the line does: it adds serials (receipt, increase, output, restock) or
 *                   picks on-hand ones ({@link Movement#takesFromStock}), and judges each serial
 * @param sku        the line's item
 * @param location   the line's location (remove mode lists the serials on hand there)
 * @param required   the line's quantity: Save needs exactly this many
 * @param line       the line's index in its screen
 * @param serials    the serials the line has now
 * @param otherLines serials on the document's other lines (case-insensitive key → 1-based line
 *                   number): they cannot be chosen again
 * @param labels     the lot and expiry of some of the line's serials, read from their GS1 labels
 */
public record SerialModalRequest(Movement movement, String sku, String location,
                                 int required, int line, List<String> serials, Map<String, Integer> otherLines,
                                 Map<String, SerialAttributes> labels)
        implements Serializable {

    public SerialModalRequest {
        serials = List.copyOf(serials);
        otherLines = Map.copyOf(otherLines);
        labels = Map.copyOf(labels);
    }

    public SerialModalRequest(Movement movement, String sku, String location, int required, int line,
                              List<String> serials, Map<String, Integer> otherLines) {
        this(movement, sku, location, required, line, serials, otherLines, Map.of());
    }
}
