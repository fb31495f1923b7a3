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

    /** Figures of one window, in MB. */
    record Window(double liveAtStart, double peakUsed, double peakLiveAfterGc, int collections) {
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
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            if (e.getEventType().getName().equals("jdk.GCHeapSummary")) {
                events.add(e);
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
        return new Window(live, peak, peakAfter, gcs);
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
