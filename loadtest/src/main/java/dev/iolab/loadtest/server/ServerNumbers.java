package dev.iolab.loadtest.server;

/**
 * What the target itself says about one measurement window: requests it served, the CPU it burnt, its memory
 * and threads, its own latency percentiles (from the histogram, finer than whole ms) and its GC pauses.
 * Fields it could not measure are null (a remote target has no /proc here).
 */
public record ServerNumbers(
        Long requests,
        Double cpuSeconds,
        Double cpuMsPer1kRequests,
        Double rssPeakMb,
        Integer threadsPeak,
        Double p50Ms,
        Double p99Ms,
        Long gcPauses,
        Double gcPauseMs) {

    public static final ServerNumbers NONE = new ServerNumbers(null, null, null, null, null, null, null, null, null);
}
