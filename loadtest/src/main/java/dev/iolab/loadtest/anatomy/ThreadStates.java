package dev.iolab.loadtest.anatomy;

import java.util.Map;

/**
 * How a process's threads spend the window, sampled: per reading, how many were runnable (R: on a CPU or queued
 * for one), asleep waiting for an event (S) or in uninterruptible sleep (D); the averages over the readings.
 */
public final class ThreadStates {

    private int samples;
    private long runnable;
    private long sleeping;
    private long uninterruptible;
    private long total;

    public void add(Map<Integer, TaskStatus> tasks) {
        if (tasks.isEmpty()) {
            return;
        }
        samples++;
        for (TaskStatus t : tasks.values()) {
            runnable += t.runnable() ? 1 : 0;
            sleeping += t.sleeping() ? 1 : 0;
            uninterruptible += t.uninterruptible() ? 1 : 0;
            total++;
        }
    }

    public int samples() {
        return samples;
    }

    public Double runnableAverage() {
        return average(runnable);
    }

    public Double sleepingAverage() {
        return average(sleeping);
    }

    public Double uninterruptibleAverage() {
        return average(uninterruptible);
    }

    public Double threadsAverage() {
        return average(total);
    }

    private Double average(long sum) {
        return samples == 0 ? null : (double) sum / samples;
    }
}
