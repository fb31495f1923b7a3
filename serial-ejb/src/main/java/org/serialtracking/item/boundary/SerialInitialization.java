package org.serialtracking.item.boundary;

import java.util.List;

/** Serials for the stock already on hand at one location of an item that just started tracking. */
public record SerialInitialization(String location, List<String> serials) {
}
