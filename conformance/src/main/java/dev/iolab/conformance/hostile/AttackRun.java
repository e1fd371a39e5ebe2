package dev.iolab.conformance.hostile;

import dev.iolab.conformance.tools.TcpTable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * One running attack: its connections driven by a single thread through one selector (so 200 slow connections
 * cost the attacker one thread), each following its {@link AttackScript}, and when the target closed each one
 * (end of stream, a reset, a failed write, or for a connection that neither sends nor reads any more the server's
 * side of the socket leaving ESTABLISHED), measured from when it opened and from when it stalled.
 */
public final class AttackRun implements AutoCloseable {

    private final String name;
    private final IntFunction<AttackScript> scripts;
    private final Duration tick;
    private final List<Conn> connections = new ArrayList<>();
    private final Selector selector;
    private final Thread driver;
    private final long startNanos;
    private volatile boolean stopped;
    private volatile int connectFailures;

    AttackRun(String name, InetSocketAddress address, int count, IntFunction<AttackScript> scripts, Duration tick)
            throws IOException {
        this.name = name;
        this.scripts = scripts;
        this.tick = tick;
        this.selector = Selector.open();
        this.startNanos = System.nanoTime();
        for (int i = 0; i < count; i++) {
            try {
                SocketChannel channel = SocketChannel.open();
                channel.connect(address); // blocking connect: the target's accept, not its parser, is measured here
                channel.configureBlocking(false);
                AttackScript script = scripts.apply(i);
                Conn conn = new Conn(channel, script, System.nanoTime());
                connections.add(conn);
                conn.send(script.opening());
                channel.register(selector, script.readPerTick() == AttackScript.DRAIN ? SelectionKey.OP_READ : 0, conn);
            } catch (IOException e) {
                connectFailures++;
            }
        }
        this.driver = Thread.ofPlatform().daemon().name("hostile-" + name).start(this::drive);
    }

    /** The attack's name ({@code slowloris}, ...). */
    public String name() {
        return name;
    }

    /** Connections opened (connect attempts that failed are {@link #connectFailures}). */
    public int connections() {
        return connections.size();
    }

    public int connectFailures() {
        return connectFailures;
    }

    /** Connections the target has not closed yet. */
    public synchronized int open() {
        return (int) connections.stream().filter(c -> c.closedAt == 0).count();
    }

    /** When the last connection was closed by the target, from its opening; empty while one is still open. */
    public synchronized Optional<Duration> allClosedAfterOpening() {
        if (connections.isEmpty() || open() > 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(connections.stream()
                .mapToLong(c -> c.closedAt - c.openedAt)
                .max()
                .orElse(0)));
    }

    /** When the last connection was closed, from when it stopped sending (its stall); empty while one is open. */
    public synchronized Optional<Duration> allClosedAfterStall() {
        if (connections.isEmpty() || open() > 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(connections.stream()
                .mapToLong(c -> Math.max(
                        0,
                        c.closedAt
                                - c.openedAt
                                - (c.script.trickleFor() == null
                                        ? 0
                                        : c.script.trickleFor().toNanos())))
                .max()
                .orElse(0)));
    }

    /** Bytes the attack has read from the target so far (all connections). */
    public synchronized long bytesRead() {
        return connections.stream().mapToLong(c -> c.read).sum();
    }

    /** Time since the attack started. */
    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** Closes every connection the target left open and stops the driver thread. */
    @Override
    public void close() {
        stopped = true;
        selector.wakeup();
        try {
            driver.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            for (Conn c : connections) {
                try {
                    c.channel.close();
                } catch (IOException e) {
                    // closing our side: nothing to do about a failure
                }
            }
        }
        try {
            selector.close();
        } catch (IOException e) {
            // as above
        }
    }

    private void drive() {
        ByteBuffer sink = ByteBuffer.allocate(64 * 1024);
        long nextTick = System.nanoTime() + tick.toNanos();
        while (!stopped) {
            try {
                long wait = Math.max(1, TimeUnit.NANOSECONDS.toMillis(nextTick - System.nanoTime()));
                selector.select(wait);
                for (SelectionKey key : selector.selectedKeys()) {
                    Conn conn = (Conn) key.attachment();
                    if (key.isValid() && key.isReadable()) {
                        read(conn, key, sink, Integer.MAX_VALUE);
                    }
                }
                selector.selectedKeys().clear();
                long now = System.nanoTime();
                if (now - nextTick >= 0) {
                    nextTick = now + tick.toNanos();
                    onTick(now, sink);
                }
            } catch (IOException | RuntimeException e) {
                if (!stopped) {
                    System.err.println("HOSTILE " + name + " driver: " + e);
                }
            }
        }
    }

    private void onTick(long now, ByteBuffer sink) {
        for (Conn conn : connections) {
            if (conn.closedAt != 0) {
                continue;
            }
            SelectionKey key = conn.channel.keyFor(selector);
            if (conn.script.readPerTick() > 0) {
                read(conn, key, sink, conn.script.readPerTick());
            }
            if (conn.closedAt == 0 && conn.script.trickling(Duration.ofNanos(now - conn.openedAt), conn.sends)) {
                try {
                    conn.send(conn.script.perTick());
                    // a script that never reads pushes as fast as the socket takes it: more chunks while it takes
                    // them whole, so its stall starts when the target stops taking bytes, not when a tick rate ends
                    while (conn.script.readPerTick() == AttackScript.NEVER
                            && !conn.pending.hasRemaining()
                            && conn.script.trickling(Duration.ofNanos(now - conn.openedAt), conn.sends)) {
                        conn.send(conn.script.perTick());
                    }
                } catch (IOException e) {
                    closed(conn, key);
                }
            } else if (conn.closedAt == 0 && conn.pending.hasRemaining()) {
                try {
                    conn.send(new byte[0]); // the rest of the last chunk: the body is sent whole, as declared
                } catch (IOException e) {
                    closed(conn, key);
                }
            }
            if (conn.closedAt == 0 && conn.script.readPerTick() == AttackScript.NEVER) {
                // nothing read, and a write that cannot progress fails no sooner than a write that is not made: only
                // the server's side of the socket shows a close (its FIN waits behind the bytes this side never reads)
                var server = serverSide(conn.channel);
                if (server.isPresent() && server.get().established()) {
                    conn.serverSeen = true;
                } else if (server.isPresent() || conn.serverSeen) {
                    closed(conn, key); // leaving ESTABLISHED, or gone after a reset
                }
            }
        }
    }

    private void read(Conn conn, SelectionKey key, ByteBuffer sink, int limit) {
        try {
            while (true) {
                sink.clear().limit(Math.min(sink.capacity(), limit));
                int n = conn.channel.read(sink);
                if (n < 0) {
                    closed(conn, key);
                    return;
                }
                conn.read += n;
                limit -= n;
                if (n == 0 || limit <= 0) {
                    return;
                }
            }
        } catch (IOException e) {
            closed(conn, key);
        }
    }

    /** The server's end of {@code client}'s connection in the kernel's table: empty when it is not on this machine. */
    private static java.util.Optional<TcpTable.Row> serverSide(SocketChannel client) {
        try {
            return TcpTable.find(
                    ((InetSocketAddress) client.getRemoteAddress()).getPort(),
                    ((InetSocketAddress) client.getLocalAddress()).getPort());
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    private synchronized void closed(Conn conn, SelectionKey key) {
        if (conn.closedAt == 0) {
            conn.closedAt = System.nanoTime();
        }
        if (key != null) {
            key.cancel();
        }
        try {
            conn.channel.close();
        } catch (IOException e) {
            // already gone
        }
    }

    /** One attack connection: bytes still to send (a non-blocking write may take them in parts). */
    private static final class Conn {
        final SocketChannel channel;
        final AttackScript script;
        final long openedAt;
        volatile long closedAt;
        long read;
        /** The server's side of this connection was seen ESTABLISHED in the kernel's table. */
        boolean serverSeen;

        ByteBuffer pending = ByteBuffer.allocate(0);
        long sends;

        Conn(SocketChannel channel, AttackScript script, long openedAt) {
            this.channel = channel;
            this.script = script;
            this.openedAt = openedAt;
        }

        /** Sends what is pending, then {@code bytes}, as far as the socket takes them now; the rest waits. */
        void send(byte[] bytes) throws IOException {
            channel.write(pending);
            if (!pending.hasRemaining() && bytes.length > 0) {
                sends++;
                pending = ByteBuffer.wrap(bytes);
                channel.write(pending);
            }
        }
    }
}
