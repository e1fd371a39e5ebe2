package dev.iolab.plain.epoll;

import dev.iolab.plain.endpoints.LoopActivity;
import dev.iolab.plain.endpoints.ServerContext;
import dev.iolab.plain.nio.ChannelConnection;
import java.io.IOException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * One event loop of the epoll model: a thread that owns a {@link Selector} (epoll_wait(2) underneath) and
 * the connections registered with it, serves whichever are ready, and never blocks anywhere else.
 * Delays are timers in a queue whose earliest deadline bounds the select timeout.
 */
final class EpollReactor implements Runnable {

    private static final long SWEEP_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Selector selector;
    private final ServerContext context;
    private final LoopActivity activity;
    private final Queue<SocketChannel> incoming = new ConcurrentLinkedQueue<>();
    private final PriorityQueue<ChannelConnection> timers =
            new PriorityQueue<>((a, b) -> Long.compare(a.wakeAtNanos() - b.wakeAtNanos(), 0));
    private volatile boolean closed;
    private long nextSweep = System.nanoTime() + SWEEP_NANOS;

    EpollReactor(Selector selector, ServerContext context, String name) {
        this.selector = selector;
        this.context = context;
        this.activity = context.metrics().loop(name);
    }

    /** Hands a freshly accepted connection to this loop (called from the acceptor thread). */
    void register(SocketChannel channel) {
        incoming.add(channel);
        selector.wakeup();
    }

    @Override
    public void run() {
        try {
            while (!closed) {
                activity.woke(selector.select(this::onReady, selectTimeoutMillis()));
                registerIncoming();
                fireTimers();
                sweepExpired();
            }
        } catch (IOException | ClosedSelectorException e) {
            if (!closed) {
                System.err.println("epoll reactor failed: " + e);
            }
        } finally {
            closeAll();
        }
    }

    private void onReady(SelectionKey key) {
        ChannelConnection connection = (ChannelConnection) key.attachment();
        apply(key, connection, connection.drive(key.isReadable()));
    }

    /** Turns what the connection waits for into interest: re-arm OP_READ only after the writes drained. */
    private void apply(SelectionKey key, ChannelConnection connection, ChannelConnection.Wait wait) {
        switch (wait) {
            case READABLE -> key.interestOps(SelectionKey.OP_READ);
            case WRITABLE -> key.interestOps(SelectionKey.OP_WRITE);
            case TIMER -> {
                key.interestOps(0); // nothing to do until the timer fires
                timers.add(connection);
            }
            case CLOSED -> key.cancel();
        }
    }

    private void registerIncoming() throws IOException {
        SocketChannel channel;
        while ((channel = incoming.poll()) != null) {
            try {
                ChannelConnection connection = new ChannelConnection(channel, context);
                SelectionKey key = channel.register(selector, SelectionKey.OP_READ, connection);
                // The request may already be there: try at once instead of waiting one more select.
                apply(key, connection, connection.drive(true));
            } catch (IOException e) {
                channel.close();
            }
        }
    }

    private long selectTimeoutMillis() {
        long now = System.nanoTime();
        long until = nextSweep;
        ChannelConnection first = timers.peek();
        if (first != null && first.wakeAtNanos() - until < 0) {
            until = first.wakeAtNanos();
        }
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(until - now) + 1);
    }

    private void fireTimers() {
        long now = System.nanoTime();
        while (!timers.isEmpty() && timers.peek().wakeAtNanos() - now <= 0) {
            ChannelConnection connection = timers.poll();
            SelectionKey key = connection.channel().keyFor(selector);
            if (key != null && key.isValid()) {
                apply(key, connection, connection.drive(true));
            }
        }
    }

    /** Once a second: close idle keep-alive connections and too slow request heads (slowloris). */
    private void sweepExpired() {
        long now = System.nanoTime();
        if (now - nextSweep < 0) {
            return;
        }
        nextSweep = now + SWEEP_NANOS;
        for (SelectionKey key : selector.keys()) {
            if (key.attachment() instanceof ChannelConnection c && c.expired(now)) {
                c.close();
                key.cancel();
            }
        }
    }

    void close() {
        closed = true;
        selector.wakeup();
    }

    private void closeAll() {
        try {
            for (SelectionKey key : selector.keys()) {
                if (key.attachment() instanceof ChannelConnection c) {
                    c.close();
                }
            }
            selector.close();
        } catch (IOException | ClosedSelectorException ignored) {
            // shutting down
        }
    }
}
