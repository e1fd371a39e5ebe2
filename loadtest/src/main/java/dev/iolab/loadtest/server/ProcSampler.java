package dev.iolab.loadtest.server;

import dev.iolab.loadtest.anatomy.AnatomyWatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.stream.Stream;

/**
 * Samples a process every 200 ms during a measurement: keeps the peaks of resident memory and threads (VmHWM would
 * carry the peak of an earlier scenario run by the same process) and every sample, for the report's figures over
 * time; every {@link #GC_EVERY}th sample also asks the target for its GC pause time (a metrics scrape costs the
 * target a little CPU, so not every 200 ms); with an {@link AnatomyWatch}, also its threads' states and context
 * switches.
 */
public final class ProcSampler implements AutoCloseable {

    static final long PERIOD_MS = 200;
    /** GC pause time is scraped once a second. */
    static final int GC_EVERY = 5;

    private final long pid;
    private final DoubleSupplier gcPauseSeconds;
    private final ScheduledExecutorService timer;
    private final List<ServerSample> samples = new ArrayList<>();
    private volatile long peakRss;
    private volatile int peakThreads;
    private final AnatomyWatch anatomy;
    private int count;

    public ProcSampler(long pid) {
        this(pid, null, null);
    }

    /**
     * {@code gcPauseSeconds}: the target's GC pause time so far (NaN when unknown); null: not sampled. {@code anatomy}:
     * also takes its thread readings (states and context switches) at each tick; null: none.
     */
    public ProcSampler(long pid, DoubleSupplier gcPauseSeconds, AnatomyWatch anatomy) {
        this.pid = pid;
        this.gcPauseSeconds = gcPauseSeconds;
        this.anatomy = anatomy;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "iolab-proc-sampler");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::sample, 0, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    private void sample() {
        sampleProcess();
        if (anatomy != null) {
            anatomy.sample();
        }
    }

    private synchronized void sampleProcess() {
        long now = System.currentTimeMillis();
        ProcStats.read(pid).ifPresent(s -> {
            peakRss = Math.max(peakRss, s.rssBytes());
            peakThreads = Math.max(peakThreads, s.threads());
            Double gc = null;
            if (gcPauseSeconds != null && count % GC_EVERY == 0) {
                double g = gcPauseSeconds.getAsDouble();
                gc = Double.isNaN(g) ? null : g;
            }
            samples.add(new ServerSample(now, s.cpuSeconds(), s.rssBytes(), s.threads(), openFds(pid), gc));
            count++;
        });
    }

    /** Open file descriptors of the process (sockets among them), -1 when unreadable. */
    static int openFds(long pid) {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return (int) fds.count();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    public long peakRssBytes() {
        return peakRss;
    }

    public int peakThreads() {
        return peakThreads;
    }

    /** Every sample taken so far, oldest first. */
    public synchronized List<ServerSample> samples() {
        return List.copyOf(samples);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        sampleProcess(); // the anatomy's closing reading is AnatomyWatch.stop's
    }
}
