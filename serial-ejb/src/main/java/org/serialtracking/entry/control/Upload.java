package org.serialtracking.entry.control;

import org.serialtracking.common.ErrorCode;
import org.serialtracking.common.RuleViolation;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * An upload copied to a temporary file, bytes counted on the way. A file on disk lets POI read a
 * workbook's parts one at a time (from a stream it would unpack them all into memory) and lets a
 * text file be read again in another encoding. Closing deletes the file.
 */
final class Upload implements Closeable {

    static final int HEAD = 8;

    private final Path path;
    private final long size;
    private final byte[] head;
    private final boolean hasNul;

    private Upload(Path path, long size, byte[] head, boolean hasNul) {
        this.path = path;
        this.size = size;
        this.head = head;
        this.hasNul = hasNul;
    }

    /** Copies {@code in}, refusing it as soon as it passes {@code maxBytes}, whatever size was declared. */
    static Upload spool(InputStream in, long maxBytes) throws IOException {
        Path path = Files.createTempFile("serial-import-", ".upload");
        try {
            long size = 0;
            byte[] head = new byte[HEAD];
            boolean hasNul = false;
            byte[] buffer = new byte[64 * 1024];
            try (OutputStream out = Files.newOutputStream(path)) {
                int n;
                while ((n = in.read(buffer)) != -1) {
                    if (size < HEAD) {
                        System.arraycopy(buffer, 0, head, (int) size, (int) Math.min(n, HEAD - size));
                    }
                    size += n;
                    if (size > maxBytes) {
                        throw new RuleViolation(ErrorCode.FILE_TOO_LARGE, "The file is larger than " + readable(maxBytes)
                                + ", the most one import can take; split it into smaller files.");
                    }
                    for (int i = 0; i < n && !hasNul; i++) {
                        hasNul = buffer[i] == 0;
                    }
                    out.write(buffer, 0, n);
                }
            }
            return new Upload(path, size, Arrays.copyOf(head, (int) Math.min(size, HEAD)), hasNul);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(path);
            throw e;
        }
    }

    Path path() {
        return path;
    }

    long size() {
        return size;
    }

    boolean startsWith(int... magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    boolean hasNul() {
        return hasNul;
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(path);
    }

    /** 52428800 as a clerk reads it: 50 MB. */
    static String readable(long bytes) {
        long mb = 1024L * 1024;
        if (bytes >= mb && bytes % mb == 0) {
            return bytes / mb + " MB";
        }
        if (bytes >= 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return bytes + " bytes";
    }
}
