package org.serialtracking.serial;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * What a serial's label says besides its number: the lot (GS1 AI 10) and the expiry date (AI 17).
 * Recorded when the serial comes into being; a later scan of its label must agree with them.
 */
public record SerialAttributes(String lot, LocalDate expiry) implements Serializable {

    /** GS1 AI (10) holds at most 20 characters; so does {@code serial.lot} (V18). */
    public static final int MAX_LOT_LENGTH = 20;

    public boolean isEmpty() {
        return lot == null && expiry == null;
    }
}
