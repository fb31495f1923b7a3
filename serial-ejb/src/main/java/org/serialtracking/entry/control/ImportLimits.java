package org.serialtracking.entry.control;

/**
 * The bounds of one import. The defaults are the rules; a test passes small ones to exercise them
 * without building files of fifty megabytes.
 *
 * @param maxBytes         the largest upload, counted while reading (a declared size is not trusted)
 * @param maxSerials       the most serials one file may hold
 * @param maxUnpackedBytes the most XML a workbook may unpack to, all parts read together
 * @param minInflateRatio  the smallest compressed-to-unpacked size ratio of a workbook part: below it,
 *                         the part is a zip bomb, not a spreadsheet (0 turns this check off; POI's own
 *                         {@code ZipSecureFile} check, JVM-wide, stays)
 */
public record ImportLimits(long maxBytes, int maxSerials, long maxUnpackedBytes, double minInflateRatio) {

    public static final long MAX_BYTES = 50L * 1024 * 1024;
    /**
     * A sheet of a million rows and a few columns unpacks to a few hundred megabytes of XML; more is
     * not a sheet of serials.
     */
    public static final long MAX_UNPACKED_BYTES = 512L * 1024 * 1024;
    /** POI's own default: real sheets compress about ten to one, a bomb a thousand to one. */
    public static final double MIN_INFLATE_RATIO = 0.01;

    public static final ImportLimits DEFAULTS =
            new ImportLimits(MAX_BYTES, EntryLimits.MAX_SERIALS, MAX_UNPACKED_BYTES, MIN_INFLATE_RATIO);

    public ImportLimits {
        if (maxBytes < 1 || maxSerials < 1 || maxUnpackedBytes < 1 || minInflateRatio < 0 || minInflateRatio >= 1) {
            throw new IllegalArgumentException("import limits out of range");
        }
    }
}
