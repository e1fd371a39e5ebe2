package dev.iolab.conformance.soak;

import dev.iolab.conformance.hostile.ProcessGauges;
import java.time.Duration;

/**
 * The peak resident memory and live threads of the process behind a management port, sampled every 200 ms on a
 * thread of its own while a load runs: the reading the memory rule reports and bounds.
 */
final class MemoryWatch implements AutoCloseable {

    private static final Duration PERIOD = Duration.ofMillis(200);

    private final ProcessGauges gauges;
    private final ProcessGauges.Reading before;
    private final Thread thread;
    private volatile boolean running = true;
    private double peakRss = Double.NaN;
    private double peakThreads = Double.NaN;
    private int readings;

    /** Takes the first reading now, then samples until closed. */
    MemoryWatch(ProcessGauges gauges) {
        this.gauges = gauges;
        gauges.read(); // a process's first scrape is slow and allocates: not a reading
        this.before = gauges.read();
        this.thread = Thread.ofPlatform().daemon().name("soak-memory").start(this::sample);
    }

    private void sample() {
        while (running) {
            ProcessGauges.Reading r = gauges.read();
            synchronized (this) {
                if (!Double.isNaN(r.rssBytes())) {
                    peakRss = Double.isNaN(peakRss) ? r.rssBytes() : Math.max(peakRss, r.rssBytes());
                    readings++;
                }
                if (!Double.isNaN(r.threads())) {
                    peakThreads = Double.isNaN(peakThreads) ? r.threads() : Math.max(peakThreads, r.threads());
                }
            }
            try {
                Thread.sleep(PERIOD); // the sampling period, not a wait for a condition
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    ProcessGauges.Reading before() {
        return before;
    }

    synchronized double peakRssBytes() {
        return peakRss;
    }

    synchronized double peakThreads() {
        return peakThreads;
    }

    synchronized int readings() {
        return readings;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(15_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
