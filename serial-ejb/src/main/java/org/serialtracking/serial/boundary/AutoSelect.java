package org.serialtracking.serial.boundary;

import java.util.List;

/**
 * Pick serials to remove: {@code quantity} IN_STOCK serials of an item at a location, oldest
 * received first (FIFO), leaving out {@code exclude} (serials already on other lines of the
 * document being edited).
 */
public record AutoSelect(String location, Integer quantity, List<String> exclude) {
}
