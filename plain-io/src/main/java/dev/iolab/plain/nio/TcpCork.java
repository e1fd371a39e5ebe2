package dev.iolab.plain.nio;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.channels.SocketChannel;

/**
 * Sets Linux's TCP_CORK on a socket with setsockopt(2) through the FFM API, as nginx's {@code tcp_nopush} does,
 * so a response head and its sendfile(2) body leave in full-sized segments; a no-op where it is unavailable.
 */
final class TcpCork {

    private static final int IPPROTO_TCP = 6;
    private static final int TCP_CORK = 3;
    /** The socket's descriptor: {@code sun.nio.ch.SelChImpl.getFDVal}, exported by the jar's {@code Add-Exports}. */
    private static final MethodHandle FD_VAL;

    private static final MethodHandle SETSOCKOPT;
    private static final MemorySegment ON;
    private static final MemorySegment OFF;

    static {
        MethodHandle fdVal = null;
        MethodHandle setsockopt = null;
        MemorySegment on = null;
        MemorySegment off = null;
        try {
            if (!System.getProperty("os.name").equals("Linux")) {
                throw new UnsupportedOperationException("TCP_CORK is Linux's");
            }
            fdVal = MethodHandles.lookup()
                    .findVirtual(Class.forName("sun.nio.ch.SelChImpl"), "getFDVal", MethodType.methodType(int.class))
                    .asType(MethodType.methodType(int.class, SocketChannel.class));
            Linker linker = Linker.nativeLinker();
            setsockopt = linker.downcallHandle(
                    linker.defaultLookup().find("setsockopt").orElseThrow(),
                    FunctionDescriptor.of(
                            ValueLayout.JAVA_INT,
                            ValueLayout.JAVA_INT,
                            ValueLayout.JAVA_INT,
                            ValueLayout.JAVA_INT,
                            ValueLayout.ADDRESS,
                            ValueLayout.JAVA_INT));
            on = Arena.global().allocateFrom(ValueLayout.JAVA_INT, 1);
            off = Arena.global().allocateFrom(ValueLayout.JAVA_INT, 0);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // e.g. in-process tests without --add-exports java.base/sun.nio.ch: correct, only less efficient
            System.err.println("TCP_CORK unavailable, file responses leave uncorked: " + e);
            fdVal = null;
            setsockopt = null;
        }
        FD_VAL = fdVal;
        SETSOCKOPT = setsockopt;
        ON = on;
        OFF = off;
    }

    private TcpCork() {}

    /** Corks ({@code true}) or uncorks the socket, which also sends what the cork held; false when not done. */
    static boolean set(SocketChannel channel, boolean cork) {
        if (SETSOCKOPT == null) {
            return false;
        }
        MemorySegment value = cork ? ON : OFF; // a typed local: invokeExact matches the static types exactly
        try {
            int fd = (int) FD_VAL.invokeExact(channel);
            return fd >= 0 && (int) SETSOCKOPT.invokeExact(fd, IPPROTO_TCP, TCP_CORK, value, 4) == 0;
        } catch (Throwable e) {
            throw new IllegalStateException("setsockopt(TCP_CORK) through FFM failed", e);
        }
    }
}
