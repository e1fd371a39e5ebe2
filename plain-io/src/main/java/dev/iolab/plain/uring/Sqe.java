package dev.iolab.plain.uring;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemorySegment;

/**
 * The 64-byte submission queue entry of {@code <linux/io_uring.h>} and the operations this model submits: each
 * method fills one zeroed entry in the mmapped SQE array for one operation.
 */
final class Sqe {

    static final int BYTES = 64;

    static final byte OP_NOP = 0;
    static final byte OP_TIMEOUT = 11;
    static final byte OP_ACCEPT = 13;
    static final byte OP_ASYNC_CANCEL = 14;
    static final byte OP_READ = 22;
    static final byte OP_WRITE = 23;
    static final byte OP_SEND = 26;
    static final byte OP_RECV = 27;
    static final byte OP_SPLICE = 30;
    static final byte OP_SEND_ZC = 47;

    static final int MSG_NOSIGNAL = 0x4000;
    static final int SOCK_CLOEXEC = 0x80000;
    /** Offsets meaning "no offset" (pipes, sockets, the file position) are -1 as a u64. */
    static final long NO_OFFSET = -1L;

    private static final long OPCODE = 0;
    private static final long FD = 4;
    private static final long OFF = 8;
    private static final long ADDR = 16;
    private static final long LEN = 24;
    private static final long OP_FLAGS = 28;
    private static final long USER_DATA = 32;
    private static final long SPLICE_FD_IN = 44;

    private Sqe() {}

    private static void fill(
            MemorySegment sqe, byte opcode, int fd, long off, long addr, int len, int opFlags, long userData) {
        sqe.fill((byte) 0);
        sqe.set(JAVA_BYTE, OPCODE, opcode);
        sqe.set(JAVA_INT, FD, fd);
        sqe.set(JAVA_LONG, OFF, off);
        sqe.set(JAVA_LONG, ADDR, addr);
        sqe.set(JAVA_INT, LEN, len);
        sqe.set(JAVA_INT, OP_FLAGS, opFlags);
        sqe.set(JAVA_LONG, USER_DATA, userData);
    }

    static void nop(MemorySegment sqe, long userData) {
        fill(sqe, OP_NOP, -1, 0, 0, 0, 0, userData);
    }

    /** accept4(2) on a listening socket: the completion's result is the new descriptor. */
    static void accept(MemorySegment sqe, int listenFd, long userData) {
        fill(sqe, OP_ACCEPT, listenFd, 0, 0, 0, SOCK_CLOEXEC, userData);
    }

    static void recv(MemorySegment sqe, int fd, long address, int length, long userData) {
        fill(sqe, OP_RECV, fd, 0, address, length, 0, userData);
    }

    /** send(2) with MSG_NOSIGNAL: a peer that went away is an EPIPE result, not a SIGPIPE. */
    static void send(MemorySegment sqe, int fd, long address, int length, long userData) {
        fill(sqe, OP_SEND, fd, 0, address, length, MSG_NOSIGNAL, userData);
    }

    /**
     * send(2) without copying (Linux 6.0): the kernel sends from the pages at {@code address} and posts a second
     * completion, flagged {@code IORING_CQE_F_NOTIF}, once it no longer holds them.
     */
    static void sendZeroCopy(MemorySegment sqe, int fd, long address, int length, long userData) {
        fill(sqe, OP_SEND_ZC, fd, 0, address, length, MSG_NOSIGNAL, userData);
    }

    /** read(2)/pread(2) into user memory; {@code offset} -1 reads at the descriptor's position. */
    static void read(MemorySegment sqe, int fd, long address, int length, long offset, long userData) {
        fill(sqe, OP_READ, fd, offset, address, length, 0, userData);
    }

    /** write(2)/pwrite(2) from user memory; {@code offset} -1 writes at the descriptor's position. */
    static void write(MemorySegment sqe, int fd, long address, int length, long offset, long userData) {
        fill(sqe, OP_WRITE, fd, offset, address, length, 0, userData);
    }

    /** splice(2): moves {@code length} bytes between descriptors in the kernel, one side being a pipe. */
    static void splice(MemorySegment sqe, int fdIn, long offIn, int fdOut, long offOut, int length, long userData) {
        fill(sqe, OP_SPLICE, fdOut, offOut, offIn, length, 0, userData);
        sqe.set(JAVA_INT, SPLICE_FD_IN, fdIn);
    }

    /** A relative timer: completes with -ETIME once the {@code __kernel_timespec} at {@code timespec} elapsed. */
    static void timeout(MemorySegment sqe, long timespec, long userData) {
        fill(sqe, OP_TIMEOUT, -1, 0, timespec, 1, 0, userData);
    }

    /** Cancels the request submitted with {@code target} as its user data. */
    static void cancel(MemorySegment sqe, long target, long userData) {
        fill(sqe, OP_ASYNC_CANCEL, -1, 0, target, 0, 0, userData);
    }
}
