package dev.iolab.loadtest.server;

import dev.iolab.loadtest.anatomy.AnatomyWatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples a process's resident memory and thread count every 200 ms during a measurement and keeps the
 * peaks (VmHWM would carry the peak of an earlier scenario run by the same process); with an {@link AnatomyWatch},
 * also its threads' states and context switches.
 */
public final class ProcSampler implements AutoCloseable {

    private final long pid;
    private final ScheduledExecutorService timer;
    private volatile long peakRss;
    private volatile int peakThreads;
    private final AnatomyWatch anatomy;

    public ProcSampler(long pid) {
        this(pid, null);
    }

    /** Also takes {@code anatomy}'s thread readings (states and context switches) at each tick. */
    public ProcSampler(long pid, AnatomyWatch anatomy) {
        this.pid = pid;
        this.anatomy = anatomy;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "iolab-proc-sampler");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::sample, 0, 200, TimeUnit.MILLISECONDS);
    }

    private void sample() {
        sampleMemory();
        if (anatomy != null) {
            anatomy.sample();
        }
    }

    private void sampleMemory() {
        ProcStats.read(pid).ifPresent(s -> {
            peakRss = Math.max(peakRss, s.rssBytes());
            peakThreads = Math.max(peakThreads, s.threads());
        });
    }

    public long peakRssBytes() {
        return peakRss;
    }

    public int peakThreads() {
        return peakThreads;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        sampleMemory(); // the anatomy's closing reading is AnatomyWatch.stop's
    }
}
