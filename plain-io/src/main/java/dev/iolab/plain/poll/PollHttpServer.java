package dev.iolab.plain.poll;

import dev.iolab.contract.Limits;
import dev.iolab.plain.HttpServer;
import dev.iolab.plain.endpoints.AcceptBackoff;
import dev.iolab.plain.endpoints.LoopActivity;
import dev.iolab.plain.endpoints.ServerContext;
import dev.iolab.plain.nio.ChannelConnection;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;

/**
 * Model 2, I/O multiplexing with poll(2): a single thread asks the kernel which of all its sockets (the
 * listening one included) are ready, then accepts, reads and writes on exactly those. Each poll(2) call
 * passes the whole descriptor array, so its cost grows with the connection count; that is what it shows.
 * JDK 25 has no select(2) selector; its poll selector ({@code sun.nio.ch.PollSelectorProvider}) is chosen
 * JVM-wide by {@code -Djava.nio.channels.spi.SelectorProvider}, which the launcher sets for this target only.
 */
public final class PollHttpServer implements HttpServer {

    static final String POLL_SELECTOR = "sun.nio.ch.PollSelectorImpl";
    private static final long SWEEP_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final ServerContext context;
    private final PriorityQueue<ChannelConnection> timers =
            new PriorityQueue<>((a, b) -> Long.compare(a.wakeAtNanos() - b.wakeAtNanos(), 0));
    private Selector selector;
    private ServerSocketChannel server;
    private volatile boolean closed;
    private long nextSweep;
    private final AcceptBackoff acceptBackoff = new AcceptBackoff("poll");
    /** While accept(2) fails, the listener is out of the poll set until {@link #acceptAgainAt} (System.nanoTime()). */
    private boolean acceptPaused;

    private long acceptAgainAt;

    public PollHttpServer(ServerContext context, int threads) {
        this.context = context; // one reactor thread, by definition of the model
    }

    @Override
    public int start(int port) throws IOException {
        selector = Selector.open();
        String selectorClass = selector.getClass().getName();
        if (!selectorClass.equals(POLL_SELECTOR)) {
            selector.close();
            throw new IllegalStateException(
                    "the poll model needs " + POLL_SELECTOR + " but the JDK gave " + selectorClass
                            + "; start it with -Djava.nio.channels.spi.SelectorProvider=sun.nio.ch.PollSelectorProvider");
        }
        server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress(port), Limits.ACCEPT_BACKLOG);
        server.configureBlocking(false);
        server.register(selector, SelectionKey.OP_ACCEPT);
        System.out.println("poll: one reactor thread on " + selectorClass);
        Thread.ofPlatform().name("poll-reactor").start(this::loop);
        return ((InetSocketAddress) server.getLocalAddress()).getPort();
    }

    @Override
    public String ioImplementation() {
        return selector.getClass().getName();
    }

    private void loop() {
        nextSweep = System.nanoTime() + SWEEP_NANOS;
        LoopActivity activity = context.metrics().loop("poll-reactor");
        try {
            while (!closed) {
                // poll(2) on every registered descriptor
                activity.woke(selector.select(this::onReady, selectTimeoutMillis()));
                resumeAccepting();
                fireTimers();
                sweepExpired();
            }
        } catch (IOException | ClosedSelectorException e) {
            if (!closed) {
                System.err.println("poll reactor failed: " + e);
            }
        } finally {
            for (SelectionKey key : selector.keys()) {
                if (key.attachment() instanceof ChannelConnection c) {
                    c.close();
                }
            }
            try {
                selector.close();
            } catch (IOException ignored) {
                // shutting down
            }
        }
    }

    private void onReady(SelectionKey key) {
        if (key.isAcceptable()) {
            accept();
            return;
        }
        ChannelConnection connection = (ChannelConnection) key.attachment();
        apply(key, connection, connection.drive(key.isReadable()));
    }

    private void accept() {
        try {
            SocketChannel channel;
            while ((channel = server.accept()) != null) {
                acceptBackoff.accepted();
                ChannelConnection connection = new ChannelConnection(channel, context);
                SelectionKey key = channel.register(selector, SelectionKey.OP_READ, connection);
                apply(key, connection, connection.drive(true));
            }
        } catch (IOException e) {
            if (server.isOpen()) {
                // EMFILE: the connection stays queued and poll(2) would report the listener ready again at once;
                // take it out of the poll set for the backoff's delay instead of spinning
                if (!setAcceptInterest(0)) {
                    return; // closed meanwhile (stopAccepting)
                }
                acceptPaused = true;
                acceptAgainAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(acceptBackoff.failed(e));
            }
        }
    }

    private void resumeAccepting() {
        if (acceptPaused && System.nanoTime() - acceptAgainAt >= 0) {
            acceptPaused = false;
            setAcceptInterest(SelectionKey.OP_ACCEPT);
        }
    }

    /** Sets the listener's interest; false when stopAccepting has closed it meanwhile (from another thread). */
    private boolean setAcceptInterest(int ops) {
        SelectionKey listener = server.keyFor(selector);
        try {
            if (listener != null) {
                listener.interestOps(ops);
                return true;
            }
        } catch (CancelledKeyException closed) {
            // stopAccepting closed the listener
        }
        return false;
    }

    /** Interest follows what the connection waits for; a writer that cannot drain is not read from. */
    private void apply(SelectionKey key, ChannelConnection connection, ChannelConnection.Wait wait) {
        switch (wait) {
            case READABLE -> key.interestOps(SelectionKey.OP_READ);
            case WRITABLE -> key.interestOps(SelectionKey.OP_WRITE);
            case TIMER -> {
                key.interestOps(0);
                timers.add(connection);
            }
            case CLOSED -> key.cancel();
        }
    }

    private long selectTimeoutMillis() {
        long until = nextSweep;
        if (acceptPaused && acceptAgainAt - until < 0) {
            until = acceptAgainAt;
        }
        ChannelConnection first = timers.peek();
        if (first != null && first.wakeAtNanos() - until < 0) {
            until = first.wakeAtNanos();
        }
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime()) + 1);
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

    @Override
    public void stopAccepting() {
        HttpServer.closeListener(server); // deregistered from the selector at its next poll
    }

    @Override
    public void close() {
        closed = true;
        stopAccepting();
        if (selector != null) {
            selector.wakeup();
        }
    }
}
