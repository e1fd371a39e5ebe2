package dev.iolab.loadtest.anatomy;

import dev.iolab.loadtest.server.ProcStats;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * CPU a target burns while nobody talks to it: its CPU time (utime + stime of {@code /proc/<pid>/stat}, which
 * includes exited threads) and its threads' context switches over a few quiet seconds. A model that waits in the
 * kernel shows almost nothing; a busy-polling one spins a whole core.
 */
public final class IdleProbe {

    private IdleProbe() {}

    /** Readings of the threads' states during the window, as in a measured one. */
    static final Duration SAMPLE_EVERY = Duration.ofMillis(200);

    /**
     * Waits {@code window} while nothing loads the target, reading its threads' states every 200 ms, and returns what
     * it used meanwhile; empty when it is gone. The runnable average tells a spinning thread even on a CPU shared
     * with other processes, where the CPU time it gets is only its share.
     */
    public static Optional<Anatomy.Idle> measure(Path proc, long pid, Duration window) throws InterruptedException {
        Optional<ProcStats> before = ProcStats.read(pid);
        ContextSwitchLedger ledger = new ContextSwitchLedger(ProcessTasks.read(proc, pid));
        ThreadStates states = new ThreadStates();
        long t0 = System.nanoTime();
        long end = t0 + window.toNanos();
        for (long now = t0; now < end; now = System.nanoTime()) {
            Thread.sleep(Duration.ofNanos(Math.min(SAMPLE_EVERY.toNanos(), end - now)));
            if (System.nanoTime() < end) {
                Map<Integer, TaskStatus> tasks = ProcessTasks.read(proc, pid);
                ledger.update(tasks);
                states.add(tasks);
            }
        }
        Map<Integer, TaskStatus> tasks = ProcessTasks.read(proc, pid);
        Optional<ProcStats> after = ProcStats.read(pid);
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (before.isEmpty() || after.isEmpty()) {
            return Optional.empty();
        }
        ledger.update(tasks);
        return Optional.of(new Anatomy.Idle(
                Math.round(seconds * 100) / 100.0,
                (after.get().cpuSeconds() - before.get().cpuSeconds()) / seconds,
                (ledger.voluntary() + ledger.involuntary()) / seconds,
                states.runnableAverage()));
    }
}
