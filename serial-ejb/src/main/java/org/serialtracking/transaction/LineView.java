package org.serialtracking.transaction;

import java.math.BigDecimal;
import java.util.List;

public record LineView(int lineNo, String sku, String location, String toLocation, BigDecimal quantity,
                       LineRole role, List<String> serials) {
}
