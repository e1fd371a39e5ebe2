package dev.iolab.plain.poll;

import dev.iolab.contract.Limits;
import dev.iolab.plain.HttpServer;
import dev.iolab.plain.endpoints.AcceptBackoff;
import dev.iolab.plain.endpoints.ServerContext;
import dev.iolab.plain.nio.SelectorLoop;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;

/**
 * Model 2, I/O multiplexing with poll(2): a single thread asks the kernel which of all its sockets (the
 * listening one included) are ready, then accepts, reads and writes on exactly those. Each poll(2) call
 * passes the whole descriptor array, so its cost grows with the connection count; that is what it shows.
 * The loop itself is the {@link SelectorLoop} epoll runs too; what makes this model is its one thread, the poll
 * selector, and the listener in the same poll set.
 * JDK 25 has no select(2) selector; its poll selector ({@code sun.nio.ch.PollSelectorProvider}) is chosen
 * JVM-wide by {@code -Djava.nio.channels.spi.SelectorProvider}, which the launcher sets for this target only.
 */
public final class PollHttpServer implements HttpServer {

    static final String POLL_SELECTOR = "sun.nio.ch.PollSelectorImpl";

    private final ServerContext context;
    private final AcceptBackoff acceptBackoff = new AcceptBackoff("poll");
    private Selector selector;
    private SelectorLoop loop;
    private ServerSocketChannel server;
    private SelectionKey listener;

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
        loop = new SelectorLoop(selector, context, "poll-reactor");
        server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress(port), Limits.ACCEPT_BACKLOG);
        server.configureBlocking(false);
        // the listener is one more descriptor of the same poll(2) call: no thread of its own
        listener = loop.watch(server, SelectionKey.OP_ACCEPT, this::accept);
        System.out.println("poll: one reactor thread on " + selectorClass);
        Thread.ofPlatform().name("poll-reactor").start(loop);
        return ((InetSocketAddress) server.getLocalAddress()).getPort();
    }

    @Override
    public String ioImplementation() {
        return selector.getClass().getName();
    }

    /** On the reactor thread, when poll(2) reports the listener ready: accept all that queued. */
    private void accept() {
        try {
            SocketChannel channel;
            while ((channel = server.accept()) != null) {
                acceptBackoff.accepted();
                loop.adopt(channel);
            }
        } catch (IOException e) {
            if (server.isOpen()) {
                // EMFILE: the connection stays queued and poll(2) would report the listener ready again at once;
                // take it out of the poll set for the backoff's delay instead of spinning
                if (!setAcceptInterest(0)) {
                    return; // closed meanwhile (stopAccepting)
                }
                long delay = TimeUnit.MILLISECONDS.toNanos(acceptBackoff.failed(e));
                loop.runAt(System.nanoTime() + delay, () -> setAcceptInterest(SelectionKey.OP_ACCEPT));
            }
        }
    }

    /** Sets the listener's interest; false when stopAccepting has closed it meanwhile (from another thread). */
    private boolean setAcceptInterest(int ops) {
        try {
            listener.interestOps(ops);
            return true;
        } catch (CancelledKeyException closed) {
            return false; // stopAccepting closed the listener
        }
    }

    @Override
    public void stopAccepting() {
        HttpServer.closeListener(server); // deregistered from the selector at its next poll
    }

    @Override
    public void close() {
        stopAccepting();
        if (loop != null) {
            loop.close();
        }
    }
}
