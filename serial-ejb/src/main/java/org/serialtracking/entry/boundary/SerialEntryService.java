package org.serialtracking.entry.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.serialtracking.common.ErrorCode;
import org.serialtracking.common.RuleViolation;
import org.serialtracking.entry.control.ImportResult;
import org.serialtracking.entry.control.QuickEntry;
import org.serialtracking.entry.control.QuickEntryResult;
import org.serialtracking.entry.control.RangeGenerator;
import org.serialtracking.entry.control.RangeRequest;
import org.serialtracking.entry.control.SerialImport;
import org.serialtracking.entry.control.SerialRanges;
import org.serialtracking.gs1.Gtin;
import org.serialtracking.item.boundary.ItemService;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The tools behind the serial number modal: read serials from a file, generate a range, parse
 * typed text, collapse a list for display. They touch no data, so they run outside transactions.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SerialEntryService {

    @EJB
    ItemService items;

    /** Serials of the first column of an .xlsx, .csv or .txt file: deduplicated, with rejected rows. */
    public ImportResult importFile(String filename, InputStream content) {
        return importFile(filename, content, null);
    }

    /**
     * As {@link #importFile(String, InputStream)}, for the item with this SKU (null: any): where it has a
     * GTIN, GS1 barcode data in the file is read for its serial, lot and expiry.
     */
    public ImportResult importFile(String filename, InputStream content, String sku) {
        if (content == null) {
            throw RuleViolation.invalid("file is required (multipart field 'file')");
        }
        Gtin gtin = gtinOf(sku);
        try {
            return SerialImport.read(filename, content, gtin);
        } catch (IOException e) {
            throw new EJBException("The upload could not be read", e);
        }
    }

    public SerialList range(RangeRequest request) {
        if (request == null) {
            throw RuleViolation.invalid("a range is required");
        }
        return new SerialList(RangeGenerator.generate(request));
    }

    public QuickEntryResult parse(QuickEntryText text) {
        return text == null ? QuickEntry.parse(null) : QuickEntry.parse(text.text(), gtinOf(text.sku()));
    }

    /** The GTIN of the item with this SKU, null when it has none or no SKU is given; 404 for an unknown SKU. */
    private Gtin gtinOf(String sku) {
        if (sku == null || sku.isBlank()) {
            return null;
        }
        String gtin = items.get(sku).gtin();
        return gtin == null ? null : Gtin.of(gtin);
    }

    public RangeList collapse(SerialList serials) {
        if (serials == null || serials.serials() == null) {
            throw RuleViolation.invalid("serials is required");
        }
        if (serials.serials().stream().anyMatch(java.util.Objects::isNull)) {
            throw new RuleViolation(ErrorCode.INVALID_SERIAL, "a serial number must not be empty (null in serials)",
                    List.of(""));
        }
        return new RangeList(SerialRanges.collapse(serials.serials()));
    }
}
