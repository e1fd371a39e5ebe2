package dev.iolab.plain.uring;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * One io_uring instance: the submission ring, the SQE array and the completion ring mapped into this process,
 * shared with the kernel. The kernel reads the SQ tail and writes the CQ tail, so those indices are published
 * with release and read with acquire ordering; everything else is owned by the one thread that uses the ring.
 */
final class UringRing implements AutoCloseable {

    /** What a completion delivers. */
    @FunctionalInterface
    interface Completions {
        void complete(long userData, int result, int flags);
    }

    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();
    private static final int PARAMS_BYTES = 120;

    private final int fd;
    private final int features;
    private final int setupFlags;
    private final MemorySegment sqRing;
    private final MemorySegment cqRing;
    private final MemorySegment sqes;
    private final long sqHead;
    private final long sqTail;
    private final int sqMask;
    private final int sqEntries;
    private final long cqHead;
    private final long cqTail;
    private final long cqes;
    private final int cqMask;
    /** The SQ tail as this thread filled it; the kernel sees it once {@link #submit} publishes it. */
    private int localTail;

    private int unsubmitted;
    private boolean closed;

    private UringRing(int fd, MemorySegment params, int setupFlags) {
        this.fd = fd;
        this.setupFlags = setupFlags;
        int sqCount = params.get(JAVA_INT, 0);
        int cqCount = params.get(JAVA_INT, 4);
        this.features = params.get(JAVA_INT, 20);
        long sqOff = 40;
        long cqOff = 80;
        long sqSize = params.get(JAVA_INT, sqOff + 24) + (long) sqCount * Integer.BYTES;
        long cqSize = params.get(JAVA_INT, cqOff + 20) + (long) cqCount * 16;
        if ((features & IoUringSyscalls.FEAT_SINGLE_MMAP) != 0) {
            long size = Math.max(sqSize, cqSize);
            this.sqRing = Libc.mmapShared(fd, size, IoUringSyscalls.OFF_SQ_RING);
            this.cqRing = sqRing;
        } else {
            this.sqRing = Libc.mmapShared(fd, sqSize, IoUringSyscalls.OFF_SQ_RING);
            this.cqRing = Libc.mmapShared(fd, cqSize, 0x8000000L);
        }
        this.sqes = Libc.mmapShared(fd, (long) sqCount * Sqe.BYTES, IoUringSyscalls.OFF_SQES);
        this.sqHead = params.get(JAVA_INT, sqOff);
        this.sqTail = params.get(JAVA_INT, sqOff + 4);
        this.sqMask = sqRing.get(JAVA_INT, params.get(JAVA_INT, sqOff + 8));
        this.sqEntries = sqRing.get(JAVA_INT, params.get(JAVA_INT, sqOff + 12));
        long array = params.get(JAVA_INT, sqOff + 24);
        this.cqHead = params.get(JAVA_INT, cqOff);
        this.cqTail = params.get(JAVA_INT, cqOff + 4);
        this.cqMask = cqRing.get(JAVA_INT, params.get(JAVA_INT, cqOff + 8));
        this.cqes = params.get(JAVA_INT, cqOff + 20);
        // The SQ array maps ring slots to SQE indices: identity, written once.
        for (int i = 0; i < sqEntries; i++) {
            sqRing.set(JAVA_INT, array + (long) i * Integer.BYTES, i);
        }
        this.localTail = (int) INT.getAcquire(sqRing, sqTail);
    }

    /**
     * A ring of {@code entries} submissions and four times as many completions, with the single-issuer and
     * deferred-task-run setup where the kernel has it; throws {@link UringException} where io_uring is refused.
     */
    static UringRing open(int entries) {
        int preferred = IoUringSyscalls.SETUP_CQSIZE
                | IoUringSyscalls.SETUP_SINGLE_ISSUER
                | IoUringSyscalls.SETUP_DEFER_TASKRUN;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment params = arena.allocate(PARAMS_BYTES, 8);
            int flags = preferred;
            params.set(JAVA_INT, 4, entries * 4);
            params.set(JAVA_INT, 8, flags);
            int fd = IoUringSyscalls.setup(entries, params);
            if (fd == -Libc.EINVAL) { // an older kernel without the newer setup flags: the plain ring
                flags = IoUringSyscalls.SETUP_CQSIZE;
                params.fill((byte) 0);
                params.set(JAVA_INT, 4, entries * 4);
                params.set(JAVA_INT, 8, flags);
                fd = IoUringSyscalls.setup(entries, params);
            }
            if (fd < 0) {
                throw new UringException("io_uring_setup failed", -fd);
            }
            return new UringRing(fd, params, flags);
        }
    }

    /** The next free SQE, zeroed by its filler; submits what is queued first when the ring is full. */
    MemorySegment next() {
        if (localTail - (int) INT.getAcquire(sqRing, sqHead) == sqEntries) {
            submit(0);
        }
        MemorySegment sqe = sqes.asSlice((long) (localTail & sqMask) * Sqe.BYTES, Sqe.BYTES);
        localTail++;
        unsubmitted++;
        return sqe;
    }

    /** Publishes the queued SQEs and enters the kernel, waiting for {@code minComplete} completions. */
    int submit(int minComplete) {
        INT.setRelease(sqRing, sqTail, localTail); // the SQE contents are visible before the new tail
        while (true) {
            int flags = minComplete > 0 || deferredTaskRun() ? IoUringSyscalls.ENTER_GETEVENTS : 0;
            int r = IoUringSyscalls.enter(fd, unsubmitted, minComplete, flags);
            if (r >= 0) {
                unsubmitted -= r;
                return r;
            }
            if (r == -Libc.EINTR) {
                continue;
            }
            if (r == -Libc.EBUSY || r == -Libc.EAGAIN) {
                return 0; // completions must be reaped first (CQ overflow): the caller drains and comes back
            }
            throw new UringException("io_uring_enter failed", -r);
        }
    }

    private boolean deferredTaskRun() {
        return (setupFlags & IoUringSyscalls.SETUP_DEFER_TASKRUN) != 0;
    }

    /** Hands every completion posted so far to {@code sink}; returns how many there were. */
    int drain(Completions sink) {
        int head = (int) INT.getAcquire(cqRing, cqHead);
        int tail = (int) INT.getAcquire(cqRing, cqTail); // acquire: the CQE contents are visible after the tail
        int count = 0;
        while (head != tail) {
            long at = cqes + (long) (head & cqMask) * 16;
            long userData = cqRing.get(JAVA_LONG, at);
            int result = cqRing.get(JAVA_INT, at + 8);
            int flags = cqRing.get(JAVA_INT, at + 12);
            head++;
            INT.setRelease(cqRing, cqHead, head); // the slot is free for the kernel only after it was read
            sink.complete(userData, result, flags);
            count++;
            if (head == tail) {
                tail = (int) INT.getAcquire(cqRing, cqTail);
            }
        }
        return count;
    }

    int fd() {
        return fd;
    }

    String describe() {
        return "io_uring (features 0x" + Integer.toHexString(features) + ", setup flags 0x"
                + Integer.toHexString(setupFlags) + ")";
    }

    /** Unmaps the rings and closes the descriptor; the kernel cancels what is still pending on it. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Libc.munmap(sqes);
        if (cqRing != sqRing) {
            Libc.munmap(cqRing);
        }
        Libc.munmap(sqRing);
        Libc.close(fd);
    }
}
