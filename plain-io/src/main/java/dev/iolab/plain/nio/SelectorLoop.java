package dev.iolab.plain.nio;

import dev.iolab.plain.endpoints.LoopActivity;
import dev.iolab.plain.endpoints.ServerContext;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * The readiness event loop that poll and epoll share: one thread owns a {@link Selector} and the
 * {@link ChannelConnection}s registered with it, serves whichever the selector reports ready, and never blocks
 * anywhere else. Which selector it is (poll(2) or epoll(7)) and who accepts is the model's choice, not the loop's.
 * Delays are timers in a queue; the earliest of them, and the once-a-second idle sweep, bound the select timeout.
 */
public final class SelectorLoop implements Runnable {

    private static final long SWEEP_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Selector selector;
    private final ServerContext context;
    private final String name;
    private final LoopActivity activity;
    /** Channels accepted on another thread, registered by this one: a Selector's keys belong to its loop. */
    private final Queue<SocketChannel> incoming = new ConcurrentLinkedQueue<>();

    private final PriorityQueue<ChannelConnection> timers =
            new PriorityQueue<>((a, b) -> Long.compare(a.wakeAtNanos() - b.wakeAtNanos(), 0));
    /** The model's own deadlines (poll's accept backoff); rare, so apart from the connections' timers. */
    private final PriorityQueue<Task> tasks = new PriorityQueue<>((a, b) -> Long.compare(a.atNanos - b.atNanos, 0));

    private volatile boolean closed;
    private long nextSweep = System.nanoTime() + SWEEP_NANOS;

    private record Task(long atNanos, Runnable action) {}

    /** A loop on {@code selector}; {@code name} is its thread's name and its {@link LoopActivity}'s. */
    public SelectorLoop(Selector selector, ServerContext context, String name) {
        this.selector = selector;
        this.context = context;
        this.name = name;
        this.activity = context.metrics().loop(name);
    }

    /**
     * Puts a channel that is not a connection into this loop's selector, e.g. poll's listening socket:
     * when it is ready, {@code onReady} runs on the loop thread. Call before the loop runs or on its thread.
     */
    public SelectionKey watch(SelectableChannel channel, int ops, Runnable onReady) throws ClosedChannelException {
        return channel.register(selector, ops, onReady);
    }

    /** Runs {@code action} on the loop thread once {@code atNanos} (System.nanoTime) has passed; loop thread only. */
    public void runAt(long atNanos, Runnable action) {
        tasks.add(new Task(atNanos, action));
    }

    /** Hands a freshly accepted connection to this loop from another thread (epoll's acceptor). */
    public void handOver(SocketChannel channel) {
        incoming.add(channel);
        selector.wakeup();
    }

    /** Serves a connection accepted on the loop thread itself (poll's listener is in the same selector). */
    public void adopt(SocketChannel channel) {
        try {
            ChannelConnection connection = new ChannelConnection(channel, context);
            SelectionKey key = channel.register(selector, SelectionKey.OP_READ, connection);
            // The request may already be there: try at once instead of waiting one more select.
            apply(key, connection, connection.drive(true));
        } catch (IOException e) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // gone either way
            }
        }
    }

    @Override
    public void run() {
        try {
            while (!closed) {
                activity.woke(selector.select(this::onReady, selectTimeoutMillis()));
                registerIncoming();
                runTasks();
                fireTimers();
                sweepExpired();
            }
        } catch (IOException | ClosedSelectorException e) {
            if (!closed) {
                System.err.println(name + " failed: " + e);
            }
        } finally {
            closeAll();
        }
    }

    private void onReady(SelectionKey key) {
        switch (key.attachment()) {
            case ChannelConnection connection -> apply(key, connection, connection.drive(key.isReadable()));
            case Runnable watcher -> watcher.run();
            default -> throw new IllegalStateException("a key without a handler: " + key.attachment());
        }
    }

    /** Turns what the connection waits for into interest: re-arm OP_READ only after the writes drained. */
    private void apply(SelectionKey key, ChannelConnection connection, ChannelConnection.Wait wait) {
        switch (wait) {
            case READABLE -> key.interestOps(SelectionKey.OP_READ);
            case WRITABLE -> key.interestOps(SelectionKey.OP_WRITE); // a writer that cannot drain is not read from
            case TIMER -> {
                key.interestOps(0); // nothing to do until the timer fires
                timers.add(connection);
            }
            case CLOSED -> key.cancel();
        }
    }

    private void registerIncoming() {
        SocketChannel channel;
        while ((channel = incoming.poll()) != null) {
            adopt(channel);
        }
    }

    private long selectTimeoutMillis() {
        long until = nextSweep;
        Task task = tasks.peek();
        if (task != null && task.atNanos - until < 0) {
            until = task.atNanos;
        }
        ChannelConnection first = timers.peek();
        if (first != null && first.wakeAtNanos() - until < 0) {
            until = first.wakeAtNanos();
        }
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime()) + 1);
    }

    private void runTasks() {
        long now = System.nanoTime();
        while (!tasks.isEmpty() && tasks.peek().atNanos - now <= 0) {
            tasks.poll().action.run();
        }
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

    /** Stops the loop (from any thread); its thread closes every connection and the selector on the way out. */
    public void close() {
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
