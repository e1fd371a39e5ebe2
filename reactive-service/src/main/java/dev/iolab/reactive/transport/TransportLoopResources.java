package dev.iolab.reactive.transport;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.util.concurrent.FastThreadLocalThread;
import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;
import reactor.netty.resources.LoopResources;

/**
 * Event loops pinned to one native transport: a Netty 4.2 {@link MultiThreadIoEventLoopGroup} with that
 * transport's I/O handler, instead of Reactor Netty's default pick (io_uring whenever its jar is present).
 * Reactor Netty derives the channel class from the group ({@code IoEventLoopGroup.isCompatible}), so
 * the server channel always matches the loops.
 */
public final class TransportLoopResources implements LoopResources {

    private final Transport transport;
    private final MultiThreadIoEventLoopGroup group;

    /** Creates {@code workers} event loops; fails fast when the transport cannot run on this machine. */
    public TransportLoopResources(Transport transport, int workers) {
        this(transport, workers, transport.threadPrefix());
    }

    /** Likewise, with threads named {@code <threadPrefix>-N} (the management port's loop is told apart this way). */
    public TransportLoopResources(Transport transport, int workers, String threadPrefix) {
        if (!transport.isAvailable()) {
            throw new TransportUnavailableException(transport);
        }
        this.transport = transport;
        this.group =
                new MultiThreadIoEventLoopGroup(workers, threadFactory(threadPrefix), transport.ioHandlerFactory());
    }

    public Transport transport() {
        return transport;
    }

    public int workers() {
        return group.executorCount();
    }

    /** The same group accepts and serves: one ring (or epoll set) per loop, as Reactor Netty does by default. */
    @Override
    public EventLoopGroup onServer(boolean useNative) {
        return group;
    }

    @Override
    public EventLoopGroup onClient(boolean useNative) {
        return group;
    }

    @Override
    public boolean isDisposed() {
        return group.isShutdown();
    }

    @Override
    public Mono<Void> disposeLater(Duration quietPeriod, Duration timeout) {
        return Mono.defer(() -> {
            group.shutdownGracefully(
                    quietPeriod.toMillis(), timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return Mono.<Void>create(sink -> group.terminationFuture().addListener(f -> sink.success()));
        });
    }

    /** Reactor Netty's naming ({@code reactor-http-epoll-1}), daemon threads like its own. */
    private static ThreadFactory threadFactory(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new FastThreadLocalThread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
