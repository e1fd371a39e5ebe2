package dev.iolab.loadtest.anatomy;

/**
 * One thread of a process as {@code /proc/<pid>/task/<tid>/status} shows it: its scheduler state and its own
 * context-switch counters (man 5 proc: {@code voluntary_ctxt_switches} count the times it gave up the CPU to
 * wait, {@code nonvoluntary_ctxt_switches} the times the scheduler took the CPU away from it). The status file
 * holds both, so one read per thread per sample is enough.
 */
public record TaskStatus(int tid, char state, long voluntary, long involuntary) {

    /** Parses the text of one task's status file; absent counters (a kernel without them) read as 0. */
    public static TaskStatus parse(int tid, String text) {
        char state = '?';
        long voluntary = 0;
        long involuntary = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith("State:")) {
                String v = line.substring(6).strip();
                state = v.isEmpty() ? '?' : v.charAt(0);
            } else if (line.startsWith("voluntary_ctxt_switches:")) {
                voluntary = Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
            } else if (line.startsWith("nonvoluntary_ctxt_switches:")) {
                involuntary =
                        Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
            }
        }
        return new TaskStatus(tid, state, voluntary, involuntary);
    }

    /** R: on a CPU or waiting in the run queue for one. */
    public boolean runnable() {
        return state == 'R';
    }

    /** S: asleep until an event (a socket, a futex, a timer): the thread waits for something other than a CPU. */
    public boolean sleeping() {
        return state == 'S';
    }

    /** D: asleep and not interruptible, usually inside the kernel on disk or page I/O. */
    public boolean uninterruptible() {
        return state == 'D';
    }
}
