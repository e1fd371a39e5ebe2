package dev.iolab.conformance.hostile;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.LockSupport;

/**
 * A hiccup meter for the measuring JVM itself: one thread parks for {@link #PERIOD} over and over and records every
 * wake-up later than {@link #THRESHOLD}. Such a stall (a safepoint of this JVM, a machine or VM that did not run it)
 * delays every probe of this JVM whatever the target does, so a probe's latency minus the stalls inside it is what
 * the target can be held to; a target that is slow on its own shows no stall here.
 */
public final class ClientStalls {

    static final Duration PERIOD = Duration.ofMillis(5);
    static final Duration THRESHOLD = Duration.ofMillis(20);
    /** Bounded: a run of hours keeps the last stalls, enough for any probe still being judged. */
    static final int CAPACITY = 100_000;

    private static final ClientStalls INSTANCE = new ClientStalls().start();

    private final Deque<long[]> stalls = new ArrayDeque<>();
    private volatile boolean running;

    /** A record without a meter: tests give it the stalls. */
    ClientStalls() {}

    private ClientStalls start() {
        Thread.ofPlatform().daemon().name("client-stall-meter").start(this::run);
        return this;
    }

    /** The meter of this JVM, running from the first call on. */
    public static ClientStalls meter() {
        return INSTANCE;
    }

    /** How long this JVM was stalled between {@code from} and {@code to} ({@link System#nanoTime()} values). */
    public synchronized long stalledNanos(long from, long to) {
        long total = 0;
        for (long[] stall : stalls) {
            total += Math.max(0, Math.min(to, stall[1]) - Math.max(from, stall[0]));
        }
        return total;
    }

    /** How many stalls there were, and the longest. */
    public record Summary(long count, long longestNanos) {}

    /** The stalls that overlap {@code from} to {@code to}. */
    public synchronized Summary summary(long from, long to) {
        long count = 0;
        long longest = 0;
        for (long[] stall : stalls) {
            if (stall[1] > from && stall[0] < to) {
                count++;
                longest = Math.max(longest, stall[1] - stall[0]);
            }
        }
        return new Summary(count, longest);
    }

    /** Whether the meter's thread is in its loop. */
    boolean running() {
        return running;
    }

    private void run() {
        long period = PERIOD.toNanos();
        running = true;
        while (true) {
            long before = System.nanoTime();
            LockSupport.parkNanos(period);
            long after = System.nanoTime();
            if (after - before - period > THRESHOLD.toNanos()) {
                record(before + period, after);
            }
        }
    }

    synchronized void record(long from, long to) {
        if (stalls.size() == CAPACITY) {
            stalls.removeFirst();
        }
        stalls.addLast(new long[] {from, to});
    }
}
