package dev.iolab.plain.busypoll;

import dev.iolab.contract.Limits;
import dev.iolab.plain.HttpServer;
import dev.iolab.plain.endpoints.AcceptBackoff;
import dev.iolab.plain.endpoints.LoopActivity;
import dev.iolab.plain.endpoints.ServerContext;
import dev.iolab.plain.nio.ChannelConnection;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Model 3, non-blocking I/O with busy polling: no selector at all. Each spinning thread tries accept(2)
 * and then read(2)/write(2) on every one of its connections in turn, whether or not anything is there,
 * and starts over ({@link Thread#onSpinWait}). Latency is minimal; a CPU burns at 100% even when idle,
 * which is the point of showing it. The spinning threads are bounded ({@code --threads}, default 1).
 */
public final class BusyPollHttpServer implements HttpServer {

    private static final long SWEEP_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final ServerContext context;
    private final int spinners;
    private final List<Thread> threads = new ArrayList<>();
    private ServerSocketChannel server;
    private volatile boolean closed;

    public BusyPollHttpServer(ServerContext context, int threads) {
        this.context = context;
        this.spinners = threads > 0 ? threads : 1;
    }

    @Override
    public int start(int port) throws IOException {
        server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress(port), Limits.ACCEPT_BACKLOG);
        server.configureBlocking(false); // accept() returns null instead of waiting
        for (int i = 0; i < spinners; i++) {
            String name = "busypoll-" + i;
            LoopActivity activity = context.metrics().loop(name);
            threads.add(Thread.ofPlatform().name(name).start(() -> spin(activity, new AcceptBackoff(name))));
        }
        System.out.println("busypoll: " + spinners + " spinning thread(s), no selector");
        return ((InetSocketAddress) server.getLocalAddress()).getPort();
    }

    @Override
    public String ioImplementation() {
        return "none (non-blocking " + server.getClass().getName() + " polled in a loop)";
    }

    /** One spinning thread: its own connections, tried one after the other, forever. */
    private void spin(LoopActivity activity, AcceptBackoff backoff) {
        List<ChannelConnection> connections = new ArrayList<>();
        long nextSweep = System.nanoTime() + SWEEP_NANOS;
        long acceptAgainAt = System.nanoTime();
        try {
            while (!closed) {
                // the poller keeps spinning over its connections; only its accept attempts wait out a failure streak
                if (System.nanoTime() - acceptAgainAt >= 0) {
                    acceptAgainAt = acceptOne(connections, backoff);
                }
                for (int i = 0; i < connections.size(); i++) {
                    // Try everything: a read(2) that finds nothing just says EAGAIN, and we move on.
                    connections.get(i).drive(true);
                }
                // one pass is one "wakeup"; its events are the connections tried, ready or not
                activity.woke(connections.size());
                long now = System.nanoTime();
                if (now - nextSweep >= 0) {
                    nextSweep = now + SWEEP_NANOS;
                    for (ChannelConnection c : connections) {
                        if (c.expired(now)) {
                            c.close();
                        }
                    }
                }
                connections.removeIf(ChannelConnection::isClosed);
                Thread.onSpinWait();
            }
        } finally {
            connections.forEach(ChannelConnection::close);
        }
    }

    /** Tries one accept; returns when to try the next (now, or after the backoff's delay when accept failed). */
    private long acceptOne(List<ChannelConnection> connections, AcceptBackoff backoff) {
        long now = System.nanoTime();
        if (!server.isOpen()) {
            return now;
        }
        try {
            SocketChannel channel = server.accept();
            if (channel != null) {
                backoff.accepted();
                connections.add(new ChannelConnection(channel, context));
            }
            return now;
        } catch (IOException e) {
            return server.isOpen() ? now + TimeUnit.MILLISECONDS.toNanos(backoff.failed(e)) : now;
        }
    }

    @Override
    public void stopAccepting() {
        HttpServer.closeListener(server);
    }

    @Override
    public void close() {
        closed = true;
        stopAccepting();
    }
}
