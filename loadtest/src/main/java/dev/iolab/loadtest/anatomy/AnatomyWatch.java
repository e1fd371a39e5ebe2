package dev.iolab.loadtest.anatomy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Brackets one measured window of a launched target: reads its threads and {@code /proc/<pid>/io} at the start,
 * again at every {@link #sample} (the run's 200 ms sampler calls it) and at the end, and turns the differences
 * into an {@link Anatomy} per request. Reading every thread's status costs the load generator's CPU (10,000 files
 * for thread-per-connection under c10k), so a sample is skipped until nine times its own cost has passed: the
 * readings never take more than a tenth of that CPU.
 */
public final class AnatomyWatch {

    public static final Path PROC = Path.of("/proc");

    private final Path proc;
    private final long pid;
    private final ContextSwitchLedger ledger;
    private final ThreadStates states = new ThreadStates();
    private final Optional<ProcessIo> ioBefore;
    private long nextSampleNanos;
    private Optional<ProcessIo> ioAfter;

    public AnatomyWatch(Path proc, long pid) {
        this.proc = proc;
        this.pid = pid;
        this.ioBefore = ProcessIo.read(proc, pid);
        this.ledger = new ContextSwitchLedger(ProcessTasks.read(proc, pid));
    }

    /** One reading of the threads' states and counters; skipped while the previous readings' budget is spent. */
    public synchronized void sample() {
        long start = System.nanoTime();
        if (start < nextSampleNanos) {
            return;
        }
        Map<Integer, TaskStatus> tasks = ProcessTasks.read(proc, pid);
        ledger.update(tasks);
        states.add(tasks);
        nextSampleNanos = System.nanoTime() + 9 * (System.nanoTime() - start);
    }

    /** Ends the window: counters read once more (not a state sample); {@link #result} divides them per request. */
    public synchronized void stop() {
        if (ioAfter == null) {
            ledger.update(ProcessTasks.read(proc, pid));
            ioAfter = ProcessIo.read(proc, pid);
        }
    }

    /** The window's anatomy per request, {@code requests} being those served in it (the server's count). */
    public synchronized Anatomy result(long requests) {
        stop();
        Optional<ProcessIo> io = ioBefore.flatMap(before -> ioAfter.map(after -> after.minus(before)));
        return new Anatomy(
                requests,
                per(ledger.voluntary(), requests),
                per(ledger.involuntary(), requests),
                states.samples(),
                states.runnableAverage(),
                states.sleepingAverage(),
                states.uninterruptibleAverage(),
                states.threadsAverage(),
                ledger.exited(),
                io.map(d -> per(d.rchar(), requests)).orElse(null),
                io.map(d -> per(d.wchar(), requests)).orElse(null),
                io.map(d -> per(d.syscr(), requests)).orElse(null),
                io.map(d -> per(d.syscw(), requests)).orElse(null),
                null,
                null,
                io.isPresent() ? null : "/proc/" + pid + "/io not readable");
    }

    static Double per(long count, long requests) {
        return requests <= 0 ? null : (double) count / requests;
    }
}
