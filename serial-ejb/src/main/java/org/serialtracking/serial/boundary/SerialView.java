package org.serialtracking.serial.boundary;

import org.serialtracking.serial.SerialStatus;

/** A serial where it is now; {@code location} and {@code company} only while IN_STOCK. */
public record SerialView(String serial, String sku, SerialStatus status, String location, String company) {
}
