package org.serialtracking.label.control;

import org.serialtracking.label.Label;
import uk.org.okapibarcode.backend.Code128;
import uk.org.okapibarcode.backend.DataMatrix;
import uk.org.okapibarcode.backend.HumanReadableLocation;
import uk.org.okapibarcode.backend.OkapiInputException;
import uk.org.okapibarcode.backend.Symbol;

import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * What a label's symbols carry, and the symbols themselves (Okapi Barcode encodes them; the PDF
 * draws their rectangles).
 * <ul>
 *     <li><b>DataMatrix</b>: with a GTIN, a GS1 DataMatrix (FNC1 first) of (01) GTIN, (17) expiry as
 *     YYMMDD, (10) lot and (21) serial: the fixed-length fields first, so that only the lot needs an
 *     FNC1 separator after it. GS1 allows (21) and (10) at most 20 characters of its character set 82
 *     (digits, letters and {@code !"%&'()*+,-./:;<=>?_}); a serial outside that has no GS1 form and
 *     the symbol is the plain serial, and a lot outside it is left out of the symbol (it is still
 *     printed). Without a GTIN, the plain serial: ASCII as it is, anything else as UTF-8 behind
 *     ECI 26, so that a reader gets the exact text back.</li>
 *     <li><b>Code 128</b>: the plain serial, where Code 128 can carry it: ISO 8859-1 characters only
 *     (beyond ASCII through FNC4); for anything else the label says to scan the DataMatrix.</li>
 * </ul>
 * Okapi Barcode reads {@code \<FNC1>} to {@code \<FNC4>} in its input as function characters and has
 * no escape for that text itself: a serial that holds one gets neither symbol rather than a wrong one
 * (its label says so).
 */
final class LabelSymbols {

    /** GS1's longest (21) serial and (10) lot. */
    static final int GS1_MAX_FIELD = 20;

    /** The ECI of UTF-8. */
    private static final int ECI_UTF8 = 26;

    private static final Pattern OKAPI_ESCAPE = Pattern.compile("\\\\<FNC[1-4]>");

    private LabelSymbols() {
    }

    /**
     * The GS1 element string of the label, bracketed as Okapi Barcode reads it
     * ({@code [01]…[17]…[10]…[21]…}), or {@code null} when the label has no GTIN or its serial has no
     * GS1 form.
     */
    static String gs1ElementString(Label label) {
        if (label.gtin() == null || !isGs1Field(label.serial())) {
            return null;
        }
        StringBuilder s = new StringBuilder(80).append("[01]").append(label.gtin());
        if (label.expiry() != null) {
            s.append("[17]").append(yymmdd(label.expiry()));
        }
        if (label.lot() != null && isGs1Field(label.lot())) {
            s.append("[10]").append(label.lot());
        }
        return s.append("[21]").append(label.serial()).toString();
    }

    /** A date as GS1 writes it: YYMMDD. */
    static String yymmdd(LocalDate date) {
        return String.format("%02d%02d%02d", date.getYear() % 100, date.getMonthValue(), date.getDayOfMonth());
    }

    /** Whether the text fits a GS1 (21) or (10): 1 to 20 characters of GS1's character set 82. */
    static boolean isGs1Field(String s) {
        if (s.isEmpty() || s.length() > GS1_MAX_FIELD) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z'
                    || "!\"%&'()*+,-./:;<=>?_".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Whether Okapi Barcode can encode the serial as it is (see the class comment). */
    static boolean encodable(String serial) {
        return !OKAPI_ESCAPE.matcher(serial).find();
    }

    /** Whether Code 128 can carry the serial: ISO 8859-1 only. */
    static boolean code128CanCarry(String serial) {
        for (int i = 0; i < serial.length(); i++) {
            if (serial.charAt(i) > 0xFF) {
                return false;
            }
        }
        return true;
    }

    /** The label's DataMatrix, square, or {@code null} for a serial Okapi Barcode cannot encode as it is. */
    static DataMatrix dataMatrix(Label label) {
        if (!encodable(label.serial())) {
            return null;
        }
        DataMatrix dm = new DataMatrix();
        dm.setForceMode(DataMatrix.ForceMode.SQUARE);
        String gs1 = gs1ElementString(label);
        if (gs1 != null) {
            dm.setDataType(Symbol.DataType.GS1);
            dm.setContent(gs1);
        } else {
            if (!isAscii(label.serial())) {
                dm.setEciMode(ECI_UTF8);
            }
            dm.setContent(label.serial());
        }
        return dm;
    }

    /**
     * The label's Code 128 without its human-readable line, or {@code null} where Code 128 cannot
     * carry the serial: a character outside ISO 8859-1, or more than Okapi Barcode puts in one
     * symbol (far more than a label has room for).
     */
    static Code128 code128(Label label) {
        if (!code128CanCarry(label.serial()) || !encodable(label.serial())) {
            return null;
        }
        Code128 c = new Code128();
        c.setHumanReadableLocation(HumanReadableLocation.NONE);
        try {
            c.setContent(label.serial());
        } catch (OkapiInputException tooLong) {
            return null;
        }
        return c;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7F) {
                return false;
            }
        }
        return true;
    }
}
