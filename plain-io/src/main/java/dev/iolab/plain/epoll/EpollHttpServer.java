package dev.iolab.plain.epoll;

import dev.iolab.contract.Limits;
import dev.iolab.plain.HttpServer;
import dev.iolab.plain.endpoints.AcceptBackoff;
import dev.iolab.plain.endpoints.ServerContext;
import dev.iolab.plain.nio.SelectorLoop;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Model 4, event-driven I/O on epoll(7): one acceptor thread plus N reactor threads, each with its own
 * epoll selector and connections (the multi-reactor design of Netty); files go out with sendfile(2).
 * Each reactor is a {@link SelectorLoop}, the loop poll runs too, here on an epoll selector (epoll_wait(2)
 * underneath) and fed by the acceptor instead of a listener of its own.
 */
public final class EpollHttpServer implements HttpServer {

    /** The selector class the JDK's default provider gives on Linux. */
    static final String EPOLL_SELECTOR = "sun.nio.ch.EPollSelectorImpl";

    private final ServerContext context;
    private final int reactorCount;
    private final List<SelectorLoop> reactors = new ArrayList<>();
    private ServerSocketChannel server;
    private String selectorClass = "?";
    private volatile boolean closed;

    public EpollHttpServer(ServerContext context, int threads) {
        this.context = context;
        this.reactorCount = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    @Override
    public int start(int port) throws IOException {
        for (int i = 0; i < reactorCount; i++) {
            Selector selector = Selector.open();
            selectorClass = selector.getClass().getName();
            if (!selectorClass.equals(EPOLL_SELECTOR)) {
                selector.close();
                throw new IllegalStateException("the epoll model needs " + EPOLL_SELECTOR + " but the JDK gave "
                        + selectorClass + " (is -Djava.nio.channels.spi.SelectorProvider set?)");
            }
            String name = "epoll-reactor-" + i;
            SelectorLoop reactor = new SelectorLoop(selector, context, name);
            reactors.add(reactor);
            Thread.ofPlatform().name(name).start(reactor);
        }
        System.out.println("epoll: " + reactorCount + " reactors on " + selectorClass);
        server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress(port), Limits.ACCEPT_BACKLOG);
        Thread.ofPlatform().name("epoll-accept").start(this::acceptLoop);
        return ((InetSocketAddress) server.getLocalAddress()).getPort();
    }

    @Override
    public String ioImplementation() {
        return selectorClass;
    }

    /** The acceptor blocks in accept(2) and deals connections round-robin to the reactors. */
    private void acceptLoop() {
        AcceptBackoff backoff = new AcceptBackoff("epoll");
        int next = 0;
        while (!closed) {
            try {
                SocketChannel channel = server.accept();
                backoff.accepted();
                reactors.get(next).handOver(channel);
                next = (next + 1) % reactors.size();
            } catch (IOException e) {
                if (!server.isOpen()) {
                    return;
                }
                try {
                    backoff.pause(e); // EMFILE: the connection stays queued, an immediate retry would spin
                } catch (InterruptedException stop) {
                    return;
                }
            }
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
        reactors.forEach(SelectorLoop::close);
    }
}
