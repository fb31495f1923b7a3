package org.serialtracking.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The server's heap, read from the server itself: a JDK Flight Recorder recording started in the
 * server with jcmd, and its jdk.GCHeapSummary events (heap used before and after every GC).
 * <p>
 * Heap in use only grows between two collections, so its peak over a window is the largest
 * "Before GC" value in it, provided the window ends with a collection: {@link #close} forces one
 * (jcmd GC.run) before reading. {@link #open} forces one too, so the window starts from the live
 * heap. The peak so counts garbage not yet collected, as the JVM's heap had to hold it.
 */
final class Heap {

    /** The names JFR gives full (stop-the-world, whole-heap) collections of G1, Serial and Parallel. */
    private static final java.util.Set<String> FULL = java.util.Set.of("G1Full", "SerialOld", "ParallelOld",
            "PSMarkSweep");
    /** The causes of the collections jcmd GC.run asks for. */
    private static final java.util.Set<String> REQUESTED = java.util.Set.of("Diagnostic Command", "System.gc()");

    private final long pid;
    private final Path dir;
    private Instant from;
    private double liveAtStartMb;

    Heap(long pid, Path dir) {
        this.pid = pid;
        this.dir = dir;
    }

    /** @param profile JFR's "profile" settings (method samples every 10 ms, allocations) instead of "default" */
    void start(boolean profile) throws IOException, InterruptedException {
        jcmd("JFR.start", "name=bench", "maxage=30m", "settings=" + (profile ? "profile" : "default"));
    }

    /** The whole recording, for {@code jfr print} or JDK Mission Control. */
    void dump(Path file) throws IOException, InterruptedException {
        jcmd("JFR.dump", "name=bench", "filename=" + file.toAbsolutePath());
    }

    /**
     * Figures of one window, in MB; {@code fullCollections}: the JVM's own full collections in it (JFR's
     * jdk.GarbageCollection events named as a full collection: G1Full, SerialOld, ParallelOld), not
     * counting those the window's jcmd GC.run asked for (cause "Diagnostic Command" or "System.gc()");
     * {@code byNameAndCause}: every collection in the window, counted by JFR's name and cause.
     */
    record Window(double liveAtStart, double peakUsed, double peakLiveAfterGc, int collections, int fullCollections,
                  java.util.Map<String, Integer> byNameAndCause) {
        double growth() {
            return peakUsed - liveAtStart;
        }
    }

    void open() throws IOException, InterruptedException {
        jcmd("GC.run");
        Thread.sleep(200);
        from = Instant.now();
    }

    Window close() throws IOException, InterruptedException {
        Thread.sleep(50);
        jcmd("GC.run");
        Thread.sleep(300);
        Instant to = Instant.now();
        Path file = dir.resolve("heap-" + System.nanoTime() + ".jfr");
        jcmd("JFR.dump", "name=bench", "filename=" + file.toAbsolutePath());
        List<RecordedEvent> events = new ArrayList<>();
        // the opening GC.run's summary falls just before 'from'
        Instant openFrom = from.minusMillis(1000);
        int full = 0;
        java.util.Map<String, Integer> byNameAndCause = new java.util.TreeMap<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            String type = e.getEventType().getName();
            if (type.equals("jdk.GCHeapSummary")) {
                events.add(e);
            } else if (type.equals("jdk.GarbageCollection") && !e.getStartTime().isBefore(from)
                    && !e.getStartTime().isAfter(to)) {
                byNameAndCause.merge(e.getString("name") + " (" + e.getString("cause") + ")", 1, Integer::sum);
                if (FULL.contains(e.getString("name")) && !REQUESTED.contains(e.getString("cause"))) {
                    full++;
                }
            }
        }
        Files.deleteIfExists(file);
        double live = Double.NaN;
        double peak = 0;
        double peakAfter = 0;
        int gcs = 0;
        for (RecordedEvent e : events) {
            Instant at = e.getStartTime();
            double usedMb = e.getLong("heapUsed") / (1024.0 * 1024.0);
            boolean before = "Before GC".equals(e.getString("when"));
            if (at.isAfter(openFrom) && at.isBefore(from) && !before) {
                live = usedMb; // the last after-GC value before the window: the live heap at its start
            }
            if (!at.isBefore(from) && !at.isAfter(to)) {
                peak = Math.max(peak, usedMb);
                if (!before) {
                    peakAfter = Math.max(peakAfter, usedMb);
                } else {
                    gcs++;
                }
            }
        }
        liveAtStartMb = live;
        return new Window(live, peak, peakAfter, gcs, full, byNameAndCause);
    }

    private void jcmd(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("jcmd", String.valueOf(pid)));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0 || out.contains("Exception")) {
            throw new IOException("jcmd " + String.join(" ", args) + " failed: " + out);
        }
    }
}
