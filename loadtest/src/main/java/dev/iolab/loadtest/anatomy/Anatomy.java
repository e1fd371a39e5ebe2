package dev.iolab.loadtest.anatomy;

/**
 * How a target waited during one measured window, from {@code /proc/<pid>}: context switches per request (summed
 * over its threads), its threads runnable versus asleep (sampled), the bytes and calls through read/write-family
 * system calls per request ({@code /proc/<pid>/io}), plus, filled in per target, the CPU it used while idle and,
 * with {@code --syscalls}, system calls by name from a separate run under strace. Null where not measured (no /proc:
 * a target at a given URL), with {@link #note} saying why.
 */
public record Anatomy(
        long requests,
        Double voluntaryPerRequest,
        Double involuntaryPerRequest,
        int samples,
        Double runnableAverage,
        Double sleepingAverage,
        Double uninterruptibleAverage,
        Double threadsAverage,
        Integer threadsExited,
        Double readBytesPerRequest,
        Double writeBytesPerRequest,
        Double readCallsPerRequest,
        Double writeCallsPerRequest,
        Idle idle,
        SyscallCounts syscalls,
        String note) {

    /** The row of a target this process cannot see (no /proc for it here). */
    public static Anatomy unavailable(String why) {
        return new Anatomy(0, null, null, 0, null, null, null, null, null, null, null, null, null, null, null, why);
    }

    /**
     * CPU, wake-ups and runnable threads of a target doing nothing, over a few seconds after its scenarios (a thread
     * that spins stays runnable even when other processes leave it little CPU).
     */
    public record Idle(double seconds, Double cpuCores, Double contextSwitchesPerSecond, Double runnableAverage) {}

    public Anatomy withIdle(Idle value) {
        return new Anatomy(
                requests,
                voluntaryPerRequest,
                involuntaryPerRequest,
                samples,
                runnableAverage,
                sleepingAverage,
                uninterruptibleAverage,
                threadsAverage,
                threadsExited,
                readBytesPerRequest,
                writeBytesPerRequest,
                readCallsPerRequest,
                writeCallsPerRequest,
                value,
                syscalls,
                note);
    }

    public Anatomy withSyscalls(SyscallCounts value) {
        return new Anatomy(
                requests,
                voluntaryPerRequest,
                involuntaryPerRequest,
                samples,
                runnableAverage,
                sleepingAverage,
                uninterruptibleAverage,
                threadsAverage,
                threadsExited,
                readBytesPerRequest,
                writeBytesPerRequest,
                readCallsPerRequest,
                writeCallsPerRequest,
                idle,
                value,
                note);
    }
}
