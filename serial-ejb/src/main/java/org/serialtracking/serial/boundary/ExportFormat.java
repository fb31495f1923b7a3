package org.serialtracking.serial.boundary;

import org.serialtracking.common.RuleViolation;

import java.util.Locale;

/** The file types of the serial export, with what a download of each is called and labelled. */
public enum ExportFormat {
    CSV("text/csv; charset=UTF-8"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final String mediaType;

    ExportFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    /** csv (the default, when none is named) or xlsx, in any case; anything else is refused. */
    public static ExportFormat of(String name) {
        if (name == null) {
            return CSV;
        }
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw RuleViolation.invalid("format must be csv or xlsx");
        }
    }

    public String mediaType() {
        return mediaType;
    }

    public String fileName() {
        return "serials." + name().toLowerCase(Locale.ROOT);
    }
}
