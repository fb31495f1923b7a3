package org.serialtracking.entry.screen;

import org.serialtracking.serial.SerialAttributes;

import java.util.List;
import java.util.Map;

/** A screen that opens the serial number modal and takes back the serials it saved. */
public interface SerialModalOwner {

    /**
     * The user saved the modal for {@code line} (0-based; the item screen has one line, 0);
     * {@code labels}: the lot and expiry that GS1 labels gave some of the serials, by serial.
     */
    void serialsChosen(int line, List<String> serials, Map<String, SerialAttributes> labels);
}
