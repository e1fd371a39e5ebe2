package dev.iolab.loadtest.anatomy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Context switches of a whole process over a window, summed over its threads. Linux keeps these counters per
 * thread ({@code /proc/<pid>/status} shows the main thread's own, not the process's), and a thread's counters
 * vanish from /proc when it exits (getrusage(2) folds them into the process total, but only for the caller
 * itself). So each thread's last seen counters are kept: a thread that exits during the window counts up to its
 * last sample, and one born and gone between two samples is missed; {@link #exited} says how many left.
 */
public final class ContextSwitchLedger {

    private final Map<Integer, long[]> baseline = new HashMap<>();
    private final Map<Integer, long[]> latest = new HashMap<>();
    private final Set<Integer> exited = new HashSet<>();

    /** Starts the window: threads present now count from their current values, later ones from 0. */
    public ContextSwitchLedger(Map<Integer, TaskStatus> start) {
        start.forEach((tid, t) -> {
            baseline.put(tid, new long[] {t.voluntary(), t.involuntary()});
            latest.put(tid, new long[] {t.voluntary(), t.involuntary()});
        });
    }

    /** Records one reading of all threads; threads missing from it are taken to have exited. */
    public void update(Map<Integer, TaskStatus> now) {
        now.forEach((tid, t) -> {
            latest.put(tid, new long[] {t.voluntary(), t.involuntary()});
            exited.remove(tid);
        });
        for (Integer tid : latest.keySet()) {
            if (!now.containsKey(tid)) {
                exited.add(tid);
            }
        }
    }

    public long voluntary() {
        return sum(0);
    }

    public long involuntary() {
        return sum(1);
    }

    /** Threads seen during the window that were gone at the last reading. */
    public int exited() {
        return exited.size();
    }

    private long sum(int i) {
        long total = 0;
        for (Map.Entry<Integer, long[]> e : latest.entrySet()) {
            long[] from = baseline.get(e.getKey());
            total += e.getValue()[i] - (from == null ? 0 : from[i]);
        }
        return total;
    }
}
