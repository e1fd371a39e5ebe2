package dev.iolab.plain.uring;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.iolab.plain.endpoints.LoopActivity;
import dev.iolab.plain.endpoints.ServerContext;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One thread, one ring: it accepts on the shared listening socket, owns the connections it accepted and waits
 * in io_uring_enter(2) for whichever completion comes next. A completion's user data names the connection
 * (its slot) and the operation; slot 0 is the loop's own accept, once-a-second tick and wake-up.
 */
final class UringLoop implements Runnable {

    static final int ACCEPT = 1;
    static final int TICK = 2;
    static final int WAKE = 3;
    static final int GUARD = 4;
    private static final int ENTRIES = 1024;
    private static final long SHUTDOWN_WAIT_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final UringHttpServer server;
    private final ServerContext context;
    private final LoopActivity activity;
    private final String name;
    private final CompletableFuture<String> started = new CompletableFuture<>();
    private UringRing ring;
    private Arena arena;
    private MemorySegment tick;
    private MemorySegment wakeBuffer;
    private int wakeFd = -1;
    private UringConnection[] connections = new UringConnection[64];
    private int[] free = new int[64];
    private int freeCount;
    private int nextSlot = 1;
    private int live;
    /** Submissions of slot 0 still in flight. */
    private int loopOps;

    private boolean acceptInFlight;
    private boolean guardInFlight;
    private volatile boolean closed;

    UringLoop(UringHttpServer server, ServerContext context, String name) {
        this.server = server;
        this.context = context;
        this.name = name;
        this.activity = context.metrics().loop(name);
    }

    /** {@code IORING_CQE_F_NOTIF}: the completion is a zero-copy send's notification, not its result. */
    static final int CQE_F_NOTIF = 1 << 3;

    static long userData(int slot, int op) {
        return ((long) slot << 8) | op;
    }

    /** Completes with the ring's description once it is set up, or with the reason io_uring was refused. */
    CompletableFuture<String> started() {
        return started;
    }

    @Override
    public void run() {
        try {
            ring = UringRing.open(ENTRIES); // on this thread: the ring is single-issuer
        } catch (RuntimeException e) {
            started.completeExceptionally(e);
            server.loopExited();
            return;
        }
        arena = Arena.ofConfined();
        tick = arena.allocate(16, 8);
        tick.set(JAVA_LONG, 0, 1); // 1 s: idle and slowloris sweeps, like the epoll reactors
        wakeBuffer = arena.allocate(8, 8);
        wakeFd = Libc.eventfd(0, Sqe.SOCK_CLOEXEC);
        started.complete(ring.describe());
        try {
            submitAccept();
            loopOps++;
            Sqe.timeout(sqe(), tick.address(), userData(0, TICK));
            submitWakeRead();
            while (!closed) {
                ring.submit(1);
                activity.woke(ring.drain(this::complete));
            }
            shutdown();
        } catch (RuntimeException e) {
            System.err.println(name + ": failed: " + e);
        } finally {
            server.loopExited();
        }
    }

    MemorySegment sqe() {
        return ring.next();
    }

    private void submitAccept() {
        if (!acceptInFlight && !closed && server.accepting()) {
            acceptInFlight = true;
            loopOps++;
            Sqe.accept(sqe(), server.listenFd(), userData(0, ACCEPT));
        }
    }

    private void submitWakeRead() {
        if (wakeFd >= 0) {
            loopOps++;
            Sqe.read(sqe(), wakeFd, wakeBuffer.address(), 8, Sqe.NO_OFFSET, userData(0, WAKE));
        }
    }

    private void complete(long userData, int result, int flags) {
        if ((flags & CQE_F_NOTIF) != 0) {
            // A zero-copy send's second completion: the kernel dropped its references to the file's pages. They are
            // page cache of a version nobody writes into, so nothing waits for it; routed to the slot it would reach
            // a connection that may have been closed and replaced meanwhile.
            return;
        }
        int slot = (int) (userData >>> 8);
        int op = (int) (userData & 0xff);
        if (slot != 0) {
            connections[slot].complete(op, result);
            return;
        }
        loopOps--;
        switch (op) {
            case ACCEPT -> {
                acceptInFlight = false;
                if (result >= 0) {
                    accepted(result);
                }
                // an error other than a transient one waits for the next tick (EMFILE must not spin the loop)
                if (result >= 0
                        || result == -Libc.EAGAIN
                        || result == -Libc.EINTR
                        || result == -103 /* ECONNABORTED */) {
                    submitAccept();
                }
            }
            case TICK -> {
                sweep();
                submitAccept();
                if (!closed) {
                    loopOps++;
                    Sqe.timeout(sqe(), tick.address(), userData(0, TICK));
                }
            }
            case WAKE -> {
                if (!closed && result > 0) {
                    submitWakeRead();
                }
            }
            case GUARD -> guardInFlight = false;
            default -> {
                // a cancellation's completion
            }
        }
    }

    private void accepted(int fd) {
        if (closed) {
            Libc.close(fd);
            return;
        }
        Libc.setsockopt(fd, UringSocket.IPPROTO_TCP, UringSocket.TCP_NODELAY, 1);
        int slot = allocateSlot();
        UringConnection connection = new UringConnection(this, slot, fd, context);
        connections[slot] = connection;
        live++;
        connection.start();
    }

    private int allocateSlot() {
        if (freeCount > 0) {
            return free[--freeCount];
        }
        if (nextSlot == connections.length) {
            connections = Arrays.copyOf(connections, connections.length * 2);
            free = Arrays.copyOf(free, connections.length);
        }
        return nextSlot++;
    }

    /** The connection in {@code slot} has no submission left and freed its memory: the slot can be reused. */
    void released(int slot) {
        connections[slot] = null;
        free[freeCount++] = slot;
        live--;
    }

    /** Once a second: close idle keep-alive connections and too slow request heads (slowloris). */
    private void sweep() {
        long now = System.nanoTime();
        for (int slot = 1; slot < nextSlot; slot++) {
            UringConnection c = connections[slot];
            if (c != null && c.expired(now)) {
                c.close();
            }
        }
    }

    /** Asks the loop to stop (any thread): the eventfd read completes and the loop sees the flag. */
    void close() {
        closed = true;
        if (wakeFd >= 0) {
            try (Arena call = Arena.ofConfined()) {
                Libc.write(wakeFd, call.allocateFrom(JAVA_LONG, 1L));
            }
        }
    }

    /**
     * Closes every connection and waits (bounded) until the kernel returned every buffer: only then is memory
     * freed and the ring unmapped. What never completes stays allocated; a leak at exit beats a kernel write into
     * freed memory.
     */
    private void shutdown() {
        for (int slot = 1; slot < nextSlot; slot++) {
            if (connections[slot] != null) {
                connections[slot].close();
            }
        }
        loopOps += 3;
        Sqe.cancel(sqe(), userData(0, ACCEPT), userData(0, 0));
        Sqe.cancel(sqe(), userData(0, TICK), userData(0, 0));
        Sqe.cancel(sqe(), userData(0, WAKE), userData(0, 0));
        long deadline = System.nanoTime() + SHUTDOWN_WAIT_NANOS;
        tick.set(JAVA_LONG, 0, 0);
        tick.set(JAVA_LONG, 8, 50_000_000); // a guard timer: the wait below never blocks for good
        while ((live > 0 || loopOps > (guardInFlight ? 1 : 0)) && System.nanoTime() - deadline < 0) {
            if (!guardInFlight) {
                guardInFlight = true;
                loopOps++;
                Sqe.timeout(sqe(), tick.address(), userData(0, GUARD));
            }
            ring.submit(1);
            ring.drain(this::complete);
        }
        boolean drained =
                live == 0 && loopOps == (guardInFlight ? 1 : 0); // a timer's timespec was copied at submission
        ring.close();
        if (wakeFd >= 0) {
            Libc.close(wakeFd);
        }
        if (drained) {
            arena.close();
        } else {
            System.err.println(name + ": " + live
                    + " connections still had kernel operations at exit; their memory is left allocated");
        }
    }
}
