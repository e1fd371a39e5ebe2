package dev.iolab.plain.aio;

import dev.iolab.contract.Limits;
import dev.iolab.plain.HttpServer;
import dev.iolab.plain.endpoints.AcceptBackoff;
import dev.iolab.plain.endpoints.LoopActivity;
import dev.iolab.plain.endpoints.ServerContext;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.AsynchronousChannelGroup;
import java.nio.channels.AsynchronousServerSocketChannel;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Model 5, asynchronous I/O with NIO.2: {@link AsynchronousServerSocketChannel} and
 * {@link AsynchronousSocketChannel} on a fixed {@link AsynchronousChannelGroup}, driven by completion handlers.
 * On Linux the JDK emulates this with epoll plus the group's thread pool (no kernel AIO, no io_uring):
 * the API is completion-based, the kernel underneath is readiness-based. For real completion-based I/O
 * see the webflux-iouring target.
 */
public class AioHttpServer implements HttpServer {

    private final ServerContext context;
    private final int threads;
    private final FileSender files;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("aio-timer").unstarted(r));
    private AsynchronousChannelGroup group;
    private AsynchronousServerSocketChannel server;
    private String implementation = "?";

    public AioHttpServer(ServerContext context, int threads) {
        this(context, threads, null);
    }

    /** For the mmap model: the same asynchronous sockets with another way of sending files. */
    protected AioHttpServer(ServerContext context, int threads, FileSender files) {
        // plain aio reads and writes files with AsynchronousFileChannel too, so its connections get a context that
        // opens one per file response and per upload; mmap sends files its own way and keeps the given context
        this.context = files == null ? context.withFiles(true, AsyncFileSender::openForUpload) : context;
        this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        this.files = files != null ? files : new AsyncFileSender();
    }

    @Override
    public int start(int port) throws IOException {
        AtomicInteger n = new AtomicInteger();
        group = AsynchronousChannelGroup.withFixedThreadPool(
                threads,
                r -> Thread.ofPlatform()
                        .name("aio-group-" + n.getAndIncrement())
                        .unstarted(r));
        server = AsynchronousServerSocketChannel.open(group);
        server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        server.bind(new InetSocketAddress(port), Limits.ACCEPT_BACKLOG);
        implementation = group.provider().getClass().getName() + " + "
                + server.getClass().getName() + " + " + files.describe();
        System.out.println("aio: " + threads + " group threads; " + implementation);
        // one for the whole group: its threads take completions from one shared queue, none owns connections
        LoopActivity activity = context.metrics().loop("aio-group");
        // one accept is outstanding at a time, so its completions never run concurrently: one backoff serves them
        AcceptBackoff backoff = new AcceptBackoff("aio");
        server.accept(null, new CompletionHandler<AsynchronousSocketChannel, Void>() {
            @Override
            public void completed(AsynchronousSocketChannel channel, Void a) {
                activity.woke(1);
                backoff.accepted();
                server.accept(null, this); // keep accepting
                try {
                    channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                    new AioConnection(channel, context, files, timer, activity).start();
                } catch (IOException e) {
                    try {
                        channel.close();
                    } catch (IOException ignored) {
                        // gone
                    }
                }
            }

            @Override
            public void failed(Throwable e, Void a) {
                if (server.isOpen()) {
                    // EMFILE: the connection stays queued, so accept again only after a pause, not at once
                    CompletionHandler<AsynchronousSocketChannel, Void> handler = this;
                    try {
                        timer.schedule(
                                () -> {
                                    if (server.isOpen()) {
                                        server.accept(null, handler);
                                    }
                                },
                                backoff.failed(e),
                                TimeUnit.MILLISECONDS);
                    } catch (RejectedExecutionException closing) {
                        // the server is closing: no more accepts
                    }
                }
            }
        });
        return ((InetSocketAddress) server.getLocalAddress()).getPort();
    }

    @Override
    public String ioImplementation() {
        return implementation;
    }

    @Override
    public void stopAccepting() {
        HttpServer.closeListener(server);
    }

    @Override
    public void close() {
        stopAccepting();
        timer.shutdownNow();
        if (group != null) {
            try {
                group.shutdownNow();
                group.awaitTermination(1, TimeUnit.SECONDS);
            } catch (IOException | InterruptedException ignored) {
                // best effort
            }
        }
    }
}
