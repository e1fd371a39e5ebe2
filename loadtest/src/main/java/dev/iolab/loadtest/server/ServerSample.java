package dev.iolab.loadtest.server;

/**
 * The target at one moment of a measurement (one 200 ms sample): its CPU time so far, resident memory, threads,
 * open file descriptors (about the connections it holds) and, where scraped, its GC pause time so far.
 */
public record ServerSample(
        long epochMs, double cpuSeconds, long rssBytes, int threads, int openFds, Double gcPauseSeconds) {}
