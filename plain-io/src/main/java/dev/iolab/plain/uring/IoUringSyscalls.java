package dev.iolab.plain.uring;

import java.lang.foreign.MemorySegment;

/**
 * The kernel's own io_uring interface, x86_64 numbering, called through libc's {@code syscall}: liburing is
 * not needed for three system calls and two memory mappings.
 */
final class IoUringSyscalls {

    static final long SETUP = 425;
    static final long ENTER = 426;
    static final long REGISTER = 427;

    /** io_uring_enter flag: wait for {@code minComplete} completions. */
    static final int ENTER_GETEVENTS = 1;

    /** The CQ has its own size (params.cq_entries). */
    static final int SETUP_CQSIZE = 1 << 3;
    /** Only this thread submits: the kernel skips the locking that shared submitters need. */
    static final int SETUP_SINGLE_ISSUER = 1 << 12;
    /** Completion work runs when this thread asks for completions, not by interrupting it (needs SINGLE_ISSUER). */
    static final int SETUP_DEFER_TASKRUN = 1 << 13;

    /** The SQ and CQ rings share one mapping. */
    static final int FEAT_SINGLE_MMAP = 1;

    static final long OFF_SQ_RING = 0;
    static final long OFF_SQES = 0x10000000L;

    private IoUringSyscalls() {}

    /** io_uring_setup(2): a ring descriptor, or -errno. */
    static int setup(int entries, MemorySegment params) {
        return (int) Libc.syscall(SETUP, entries, params.address(), 0, 0, 0, 0);
    }

    /** io_uring_enter(2): the number of entries submitted, or -errno. */
    static int enter(int ringFd, int toSubmit, int minComplete, int flags) {
        return (int) Libc.syscall(ENTER, ringFd, toSubmit, minComplete, flags, 0, 0);
    }

    /** io_uring_register(2) (not needed by the model yet; kept with its siblings). */
    static int register(int ringFd, int opcode, MemorySegment argument, int count) {
        return (int) Libc.syscall(REGISTER, ringFd, opcode, argument.address(), count, 0, 0);
    }
}
