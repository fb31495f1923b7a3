package org.serialtracking.item.boundary;

import java.math.BigDecimal;
import java.util.List;

/** Stock a new item starts with; a tracked item needs exactly {@code quantity} serials. */
public record InitialStock(String location, BigDecimal quantity, List<String> serials) {
}
