package org.serialtracking.entry.control;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.serialtracking.common.ErrorCode;
import org.serialtracking.common.RuleViolation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Serials from text files, read in a given encoding that must decode every byte (a
 * {@link CharacterCodingException} tells the caller to try another): a CSV's first column, or every
 * token of a plain text file.
 */
final class TextReader {

    private static final char BOM = '\uFEFF';
    /** How much of a CSV is looked at to tell a comma-separated file from a semicolon-separated one. */
    private static final int SAMPLE_CHARS = 64 * 1024;
    private static final int SAMPLE_LINES = 50;
    private static final int TOKEN_CAP = 40_000;

    private TextReader() {
    }

    /** RFC 4180 CSV separated by {@code ,} or {@code ;} (whichever the file uses); rows are records. */
    static void csv(Path file, Charset charset, ImportCollector collector) throws IOException {
        char delimiter;
        try (Reader sample = open(file, charset)) {
            char[] buffer = new char[SAMPLE_CHARS];
            int n = sample.read(buffer);
            delimiter = delimiter(n < 0 ? "" : new String(buffer, 0, n));
        }
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                // Blank lines stay records so that record numbers are the rows a spreadsheet shows.
                .setIgnoreEmptyLines(false)
                // "SN-1"x reads as SN-1x rather than failing the whole file.
                .setTrailingData(true)
                .get();
        try (Reader reader = open(file, charset);
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            try {
                for (CSVRecord record : parser) {
                    collector.value(Math.toIntExact(record.getRecordNumber()), ImportCollector.clip(record.get(0)));
                }
            } catch (UncheckedIOException e) {
                if (e.getCause() instanceof CharacterCodingException coding) {
                    throw coding;
                }
                throw new RuleViolation(ErrorCode.INVALID_FILE, "The CSV file cannot be read near line "
                        + parser.getCurrentLineNumber() + ": a value in quotes (\") is never closed, or quotes are "
                        + "used in a way CSV does not allow. Save it again from your spreadsheet program as CSV.");
            }
        }
    }

    /**
     * A semicolon file when more lines use semicolons than commas. Commas inside quotes or between
     * two digits (a decimal comma, as in 12,5) do not count: a European CSV has both.
     */
    static char delimiter(String sample) {
        int semicolonLines = 0;
        int commaLines = 0;
        int lines = 0;
        boolean quoted = false;
        boolean semicolon = false;
        boolean comma = false;
        for (int i = 0; i < sample.length() && lines < SAMPLE_LINES; i++) {
            char c = sample.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                semicolonLines += semicolon ? 1 : 0;
                commaLines += comma ? 1 : 0;
                lines++;
                semicolon = false;
                comma = false;
            } else if (!quoted && c == ';') {
                semicolon = true;
            } else if (!quoted && c == ',' && !(i > 0 && i + 1 < sample.length()
                    && SerialParts.isDigit(sample.charAt(i - 1)) && SerialParts.isDigit(sample.charAt(i + 1)))) {
                comma = true;
            }
        }
        semicolonLines += semicolon ? 1 : 0;
        commaLines += comma ? 1 : 0;
        return semicolonLines > commaLines ? ';' : ',';
    }

    /** Every token of a text file: newlines, commas, semicolons and tabs separate; rows are lines. */
    static void txt(Path file, Charset charset, ImportCollector collector) throws IOException {
        try (Reader reader = open(file, charset)) {
            StringBuilder token = new StringBuilder();
            int line = 1;
            boolean afterCr = false;
            char[] buffer = new char[64 * 1024];
            int n;
            while ((n = reader.read(buffer)) != -1) {
                for (int i = 0; i < n; i++) {
                    char c = buffer[i];
                    if (c == '\n' && afterCr) {
                        // The second half of a CRLF: the line was already counted.
                        afterCr = false;
                        continue;
                    }
                    afterCr = c == '\r';
                    if (c == '\n' || c == '\r' || c == ',' || c == ';' || c == '\t') {
                        collector.value(line, ImportCollector.clip(token.toString()));
                        token.setLength(0);
                        if (c == '\n' || c == '\r') {
                            line++;
                        }
                    } else if (token.length() < TOKEN_CAP) {
                        token.append(c);
                    }
                }
            }
            collector.value(line, ImportCollector.clip(token.toString()));
        }
    }

    /** A strict reader: bytes the charset cannot decode raise an error instead of turning into '?'. */
    private static Reader open(Path file, Charset charset) throws IOException {
        Reader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)));
        reader.mark(1);
        if (reader.read() != BOM) {
            reader.reset();
        }
        return reader;
    }
}
