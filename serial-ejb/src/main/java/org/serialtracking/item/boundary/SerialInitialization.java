package org.serialtracking.item.boundary;

import org.serialtracking.common.Text;
import org.serialtracking.serial.SerialAttributes;

import java.util.List;
import java.util.Map;

/** Serials for the stock already on hand at one location of an item that just started tracking. */
public record SerialInitialization(String location, List<String> serials,
                                   Map<String, SerialAttributes> serialAttributes) {

    /** The location is a code, looked up as given: it obeys {@link Text#code} before any query sees it. */
    public SerialInitialization {
        Text.code("location", location);
    }
}
