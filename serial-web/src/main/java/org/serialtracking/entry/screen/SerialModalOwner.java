package org.serialtracking.entry.screen;

import java.util.List;

/** A screen that opens the serial number modal and takes back the serials it saved. */
public interface SerialModalOwner {

    /** The user saved the modal for {@code line} (0-based; the item screen has one line, 0). */
    void serialsChosen(int line, List<String> serials);
}
