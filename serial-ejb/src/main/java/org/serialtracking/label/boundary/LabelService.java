package org.serialtracking.label.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import org.serialtracking.common.ErrorCode;
import org.serialtracking.common.RuleViolation;
import org.serialtracking.label.LabelPreset;
import org.serialtracking.label.control.LabelPdf;
import org.serialtracking.label.control.LabelRepository;
import org.serialtracking.serial.SerialNumber;
import org.serialtracking.serial.control.SerialRepository;

import javax.sql.DataSource;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Printable labels (issue 15): a PDF of one label per serial, of a posted document or of serials
 * named. What can refuse a request (no such document, nothing to label, unknown serials, an unknown
 * preset) is checked first, by the {@code check…} methods, so that a refusal is a problem answer and
 * not a broken download; the PDF then streams from a database cursor.
 */
@Stateless
public class LabelService {

    /** Labels of one request: a day's receiving at most, and a bounded time for one download. */
    public static final int MAX_LABELS = 100_000;
    public static final LabelPreset DEFAULT_PRESET = LabelPreset.A4_3X8;

    @Resource(lookup = "jdbc/serial")
    DataSource dataSource;

    /** The preset named ({@code null} or blank: A4 sheets of 3 × 8); an unknown name is 422 listing them. */
    public static LabelPreset preset(String name) {
        if (name == null || name.isBlank()) {
            return DEFAULT_PRESET;
        }
        try {
            return LabelPreset.fromParam(name);
        } catch (IllegalArgumentException unknown) {
            throw RuleViolation.invalid(unknown.getMessage());
        }
    }

    /** 404 when there is no such document; 422 when it moved no serial (or more than a download takes). */
    public void checkDocument(long documentId) {
        try (Connection c = dataSource.getConnection()) {
            long count = new LabelRepository(c).countOfDocument(documentId);
            if (count < 0) {
                throw RuleViolation.notFound("Document", String.valueOf(documentId));
            }
            if (count == 0) {
                throw RuleViolation.invalid("The document moved no serials: there is nothing to label");
            }
            if (count > MAX_LABELS) {
                throw new RuleViolation(ErrorCode.TOO_MANY_SERIALS, "At most " + MAX_LABELS + " labels in one PDF; "
                        + "the document has " + count + " serials");
            }
        } catch (SQLException e) {
            throw new EJBException(e);
        }
    }

    /** Writes the labels of every serial the document moved; how many. */
    public long documentLabels(long documentId, LabelPreset preset, OutputStream out) {
        try (Connection c = dataSource.getConnection()) {
            return new LabelRepository(c).ofDocument(documentId, labels -> LabelPdf.write(labels, preset, out));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new EJBException(e);
        }
    }

    /**
     * The keys of the serials named, each once, in the order first named: 422 when none is named, when
     * one is no serial number (INVALID_SERIAL) or does not exist (UNKNOWN_SERIAL), naming them.
     */
    public List<String> checkSerials(List<String> serials) {
        if (serials == null || serials.isEmpty()) {
            throw RuleViolation.invalid("serials: name at least one serial to label");
        }
        if (serials.size() > MAX_LABELS) {
            throw new RuleViolation(ErrorCode.TOO_MANY_SERIALS, "At most " + MAX_LABELS + " labels in one PDF");
        }
        List<SerialNumber> numbers = SerialNumber.allOf(serials);
        LinkedHashSet<String> keys = new LinkedHashSet<>();
        numbers.forEach(s -> keys.add(s.key()));
        try (Connection c = dataSource.getConnection()) {
            new SerialRepository(c).requireKnown(numbers);
        } catch (SQLException e) {
            throw new EJBException(e);
        }
        return List.copyOf(keys);
    }

    /** Writes the labels of these serials (keys from {@link #checkSerials}), in order; how many. */
    public long serialLabels(List<String> keys, LabelPreset preset, OutputStream out) {
        try (Connection c = dataSource.getConnection()) {
            return new LabelRepository(c).ofSerials(keys, labels -> LabelPdf.write(labels, preset, out));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new EJBException(e);
        }
    }
}
