package dev.iolab.plain.uring;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * The few libc functions the io_uring model calls through the foreign function API (no native library of its
 * own): {@code syscall} for the three io_uring system calls, {@code mmap} for the rings, and the socket calls.
 * Every call returns what the kernel would: a result, or {@code -errno} (read from the captured call state).
 */
final class Libc {

    static final int EPERM = 1;
    static final int EINTR = 4;
    static final int EAGAIN = 11;
    static final int EBUSY = 16;
    static final int EINVAL = 22;
    static final int ENOMEM = 12;
    static final int EOPNOTSUPP = 95;
    static final int ENOBUFS = 105;
    static final int ENOSYS = 38;
    static final int ETIME = 62;
    static final int ECANCELED = 125;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBC = LINKER.defaultLookup();
    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    /** One errno slot per thread: each loop thread calls on its own, and never re-entrantly. */
    private static final ThreadLocal<MemorySegment> STATE =
            ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(CAPTURE));

    private static final MethodHandle SYSCALL = handle(
            "syscall",
            FunctionDescriptor.of(
                    JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG),
            Linker.Option.firstVariadicArg(1));
    private static final MethodHandle MMAP =
            handle("mmap", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG));
    private static final MethodHandle MUNMAP = handle("munmap", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG));
    private static final MethodHandle CLOSE = handle("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle SOCKET =
            handle("socket", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle SETSOCKOPT =
            handle("setsockopt", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle BIND =
            handle("bind", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle LISTEN = handle("listen", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle GETSOCKNAME =
            handle("getsockname", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle SHUTDOWN =
            handle("shutdown", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle SOCKETPAIR =
            handle("socketpair", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS));
    private static final MethodHandle PIPE2 = handle("pipe2", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle FCNTL = handle(
            "fcntl", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT), Linker.Option.firstVariadicArg(2));
    private static final MethodHandle OPEN = handle(
            "open", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT), Linker.Option.firstVariadicArg(2));
    private static final MethodHandle FSTAT = handle("fstat", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS));
    private static final MethodHandle EVENTFD = handle("eventfd", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle WRITE =
            handle("write", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));

    private Libc() {}

    private static MethodHandle handle(String name, FunctionDescriptor descriptor, Linker.Option... options) {
        Linker.Option[] all = java.util.Arrays.copyOf(options, options.length + 1);
        all[options.length] = Linker.Option.captureCallState("errno");
        MemorySegment symbol = LIBC.find(name).orElseThrow(() -> new IllegalStateException("libc has no " + name));
        return LINKER.downcallHandle(symbol, descriptor, all);
    }

    /** {@code syscall(number, a..f)}: the kernel's result, or -errno. */
    static long syscall(long number, long a, long b, long c, long d, long e, long f) {
        MemorySegment state = STATE.get();
        try {
            return result((long) SYSCALL.invokeExact(state, number, a, b, c, d, e, f), state);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Maps {@code length} bytes of {@code fd} at {@code offset} shared and read-write; throws on failure. */
    static MemorySegment mmapShared(int fd, long length, long offset) {
        MemorySegment state = STATE.get();
        try {
            MemorySegment address = (MemorySegment) MMAP.invokeExact(
                    state,
                    MemorySegment.NULL,
                    length,
                    0x1 | 0x2 /* PROT_READ | PROT_WRITE */,
                    0x01 | 0x8000 /* MAP_SHARED | MAP_POPULATE */,
                    fd,
                    offset);
            if (address.address() == -1L) {
                throw new UringException("mmap of the io_uring rings failed", -errno(state));
            }
            return address.reinterpret(length);
        } catch (UringException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    static int munmap(MemorySegment mapping) {
        MemorySegment state = STATE.get();
        try {
            return result((int) MUNMAP.invokeExact(state, mapping, mapping.byteSize()), state);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    static int close(int fd) {
        return call(CLOSE, fd);
    }

    static int socket(int domain, int type, int protocol) {
        return call(SOCKET, domain, type, protocol);
    }

    /** setsockopt with an int value, the only kind this model sets. */
    static int setsockopt(int fd, int level, int option, int value) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment v = arena.allocateFrom(JAVA_INT, value);
            return call(SETSOCKOPT, fd, level, option, v, 4);
        }
    }

    static int bind(int fd, MemorySegment address) {
        return call(BIND, fd, address, (int) address.byteSize());
    }

    static int listen(int fd, int backlog) {
        return call(LISTEN, fd, backlog);
    }

    static int getsockname(int fd, MemorySegment address, MemorySegment length) {
        return call(GETSOCKNAME, fd, address, length);
    }

    static int shutdown(int fd, int how) {
        return call(SHUTDOWN, fd, how);
    }

    static int socketpair(int domain, int type, int protocol, MemorySegment fds) {
        return call(SOCKETPAIR, domain, type, protocol, fds);
    }

    static int pipe2(MemorySegment fds, int flags) {
        return call(PIPE2, fds, flags);
    }

    static int fcntl(int fd, int command, int argument) {
        return call(FCNTL, fd, command, argument);
    }

    static int open(MemorySegment path, int flags) {
        return call(OPEN, path, flags, 0);
    }

    static int fstat(int fd, MemorySegment stat) {
        return call(FSTAT, fd, stat);
    }

    static int eventfd(int initial, int flags) {
        return call(EVENTFD, initial, flags);
    }

    static long write(int fd, MemorySegment bytes) {
        MemorySegment state = STATE.get();
        try {
            return result((long) WRITE.invokeExact(state, fd, bytes, bytes.byteSize()), state);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static int call(MethodHandle handle, Object... args) {
        MemorySegment state = STATE.get();
        Object[] all = new Object[args.length + 1];
        all[0] = state;
        System.arraycopy(args, 0, all, 1, args.length);
        try {
            int r = (int) handle.invokeWithArguments(all);
            return r == -1 ? -errno(state) : r;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static long result(long r, MemorySegment state) {
        return r == -1 ? -errno(state) : r;
    }

    private static int result(int r, MemorySegment state) {
        return r == -1 ? -errno(state) : r;
    }

    private static int errno(MemorySegment state) {
        return (int) ERRNO.get(state, 0L);
    }
}
