package dev.iolab.plain.blocking;

import dev.iolab.contract.Limits;
import dev.iolab.plain.HttpServer;
import dev.iolab.plain.endpoints.AcceptBackoff;
import dev.iolab.plain.endpoints.LoopActivity;
import dev.iolab.plain.endpoints.ServerContext;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Model 1, blocking I/O: a {@link ServerSocket} and one platform thread per connection, which blocks in
 * read(2) and write(2); a semaphore bounds the connections (and so the threads) to {@link Limits#MAX_CONNECTIONS}.
 */
public final class BlockingHttpServer implements HttpServer {

    private final ServerContext context;
    private final Semaphore permits;
    private final String threadPrefix;
    /** One for all connection threads: a tag per thread would grow with the connections. */
    private final LoopActivity activity;

    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    /** Started with the server (its thread is work only a running server needs); set before the acceptor starts. */
    private WriteStallWatchdog watchdog;

    private final AtomicInteger ids = new AtomicInteger();
    private ServerSocket server;
    private Thread acceptor;
    private volatile boolean closed;

    public BlockingHttpServer(ServerContext context, int threads) {
        this(
                context,
                Limits.MAX_CONNECTIONS,
                "blocking"); // threads: one per connection, by definition; the flag does not apply
    }

    /** A server of at most {@code maxConnections} connections whose threads are named {@code <threadPrefix>-...}. */
    public BlockingHttpServer(ServerContext context, int maxConnections, String threadPrefix) {
        this.context = context;
        this.permits = new Semaphore(maxConnections);
        this.threadPrefix = threadPrefix;
        // the management port's threads are a loop of their own: its probes and scrapes are not the model's work
        this.activity = context.metrics()
                .loop("blocking".equals(threadPrefix) ? "connection-threads" : threadPrefix + "-threads");
    }

    @Override
    public int start(int port) throws IOException {
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(port), Limits.ACCEPT_BACKLOG);
        watchdog = new WriteStallWatchdog(context.keepAliveTimeoutNanos(), threadPrefix + "-write-watchdog");
        acceptor = Thread.ofPlatform().name(threadPrefix + "-accept").start(this::acceptLoop);
        return server.getLocalPort();
    }

    @Override
    public String ioImplementation() {
        return "java.net.ServerSocket (blocking, thread per connection)";
    }

    private void acceptLoop() {
        AcceptBackoff backoff = new AcceptBackoff("blocking");
        while (!closed) {
            try {
                permits.acquire(); // at the limit, stop accepting: the kernel backlog holds the rest
                Socket socket;
                try {
                    socket = server.accept();
                } catch (IOException e) {
                    permits.release();
                    throw e;
                }
                backoff.accepted();
                socket.setTcpNoDelay(true);
                open.add(socket);
                // The model itself: a new platform thread that serves this one connection and nothing else.
                Thread.ofPlatform()
                        .name(threadPrefix + "-conn-" + ids.incrementAndGet())
                        .start(() -> serve(socket));
            } catch (IOException | InterruptedException e) {
                if (closed || server.isClosed()) {
                    return;
                }
                if (e instanceof IOException) {
                    try {
                        backoff.pause(e); // EMFILE: the connection stays queued, an immediate retry would spin
                    } catch (InterruptedException stop) {
                        return;
                    }
                }
            }
        }
    }

    private void serve(Socket socket) {
        try {
            BlockingConnection connection = new BlockingConnection(socket, context, activity);
            watchdog.add(connection);
            try {
                connection.run();
            } finally {
                watchdog.remove(connection);
            }
        } finally {
            open.remove(socket);
            permits.release();
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
        if (watchdog != null) {
            watchdog.close();
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // the connection thread ends on its own
            }
        }
        if (acceptor != null) {
            acceptor.interrupt();
        }
    }
}
