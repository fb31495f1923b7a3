package org.serialtracking.item.boundary;

import java.math.BigDecimal;

/** On-hand at one location; {@code serialsInitialized} is false while that stock waits for its serials. */
public record OnHand(String location, BigDecimal quantity, boolean serialsInitialized) implements java.io.Serializable {
}
