package dev.iolab.plain.uring;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * The listening socket of the io_uring model, made with libc calls so its descriptor can be handed to
 * IORING_OP_ACCEPT: dual-stack IPv6 where the host has it (like the JDK's channels), IPv4 otherwise.
 */
final class UringSocket {

    static final int IPPROTO_TCP = 6;
    static final int TCP_NODELAY = 1;
    static final int TCP_CORK = 3;
    static final int SHUT_RDWR = 2;

    private static final int AF_INET = 2;
    private static final int AF_INET6 = 10;
    private static final int SOCK_STREAM = 1;
    private static final int SOL_SOCKET = 1;
    private static final int SO_REUSEADDR = 2;
    private static final int IPPROTO_IPV6 = 41;
    private static final int IPV6_V6ONLY = 26;

    private UringSocket() {}

    /** A socket listening on every address at {@code port} (0: any); throws with the failing call named. */
    static int listen(int port, int backlog) {
        int fd = Libc.socket(AF_INET6, SOCK_STREAM | Sqe.SOCK_CLOEXEC, 0);
        boolean v6 = fd >= 0;
        if (!v6) {
            fd = check(Libc.socket(AF_INET, SOCK_STREAM | Sqe.SOCK_CLOEXEC, 0), "socket", -1);
        }
        try (Arena arena = Arena.ofConfined()) {
            check(Libc.setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, 1), "setsockopt(SO_REUSEADDR)", fd);
            MemorySegment address;
            if (v6) {
                check(Libc.setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, 0), "setsockopt(IPV6_V6ONLY)", fd);
                address = arena.allocate(28, 4); // sockaddr_in6, in6addr_any
                address.set(JAVA_SHORT, 0, (short) AF_INET6);
            } else {
                address = arena.allocate(16, 4); // sockaddr_in, INADDR_ANY
                address.set(JAVA_SHORT, 0, (short) AF_INET);
            }
            setPort(address, port);
            check(Libc.bind(fd, address), "bind to port " + port, fd);
            check(Libc.listen(fd, backlog), "listen", fd);
            MemorySegment length = arena.allocateFrom(JAVA_INT, (int) address.byteSize());
            check(Libc.getsockname(fd, address, length), "getsockname", fd);
            return fd;
        }
    }

    /** The port a listening socket is bound to. */
    static int port(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment address = arena.allocate(28, 4);
            MemorySegment length = arena.allocateFrom(JAVA_INT, 28);
            check(Libc.getsockname(fd, address, length), "getsockname", -1);
            return (Byte.toUnsignedInt(address.get(JAVA_BYTE, 2)) << 8) | Byte.toUnsignedInt(address.get(JAVA_BYTE, 3));
        }
    }

    private static void setPort(MemorySegment address, int port) {
        address.set(JAVA_BYTE, 2, (byte) (port >>> 8)); // network byte order
        address.set(JAVA_BYTE, 3, (byte) port);
    }

    private static int check(int result, String call, int fdToClose) {
        if (result < 0) {
            if (fdToClose >= 0) {
                Libc.close(fdToClose);
            }
            throw new UringException(call + " failed", -result);
        }
        return result;
    }
}
