package dev.iolab.contract;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.SingleThreadEventExecutor;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import reactor.netty.http.server.HttpServer;

/**
 * A Reactor Netty server's connections and event-loop backlog, counted once per connection and never per request:
 * connections accepted, closed and open, and the pending tasks of each event loop that serves them, under Reactor
 * Netty's own names. Reactor Netty's {@code metrics(true, ...)} instead puts a handler in every pipeline that times
 * each request, read and write by uri: work on every request that the contract's request timer already does once. In
 * alternating wrk rounds on 2 busy cores (load average about 20, so only indicative) webflux-epoll with it spent
 * 9-66 % more CPU per {@code GET /echo} than without; this class adds nothing per request by construction.
 */
public final class NettyConnectionMetrics {

    /** Micrometer names; Prometheus adds {@code _total} to the counters. */
    public static final String CONNECTIONS = "reactor.netty.http.server.connections.total";

    public static final String ACCEPTED = "reactor.netty.http.server.connections.accepted";
    public static final String CLOSED = "reactor.netty.http.server.connections.closed";
    public static final String PENDING_TASKS = "reactor.netty.eventloop.pending.tasks";

    private final MeterRegistry registry;
    private final LongAdder accepted = new LongAdder();
    private final LongAdder closed = new LongAdder();
    private final Map<EventLoop, Boolean> loops = new ConcurrentHashMap<>();

    public NettyConnectionMetrics(MeterRegistry registry) {
        this.registry = registry;
        FunctionCounter.builder(ACCEPTED, accepted, LongAdder::sum)
                .description("Connections accepted")
                .register(registry);
        FunctionCounter.builder(CLOSED, closed, LongAdder::sum)
                .description("Connections closed")
                .register(registry);
        Gauge.builder(CONNECTIONS, this, m -> m.accepted.sum() - m.closed.sum())
                .description("Open connections")
                .register(registry);
    }

    /** {@code server} with every accepted channel counted (composes with its other {@code doOnChannelInit}s). */
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remote) -> channelInitialized(channel));
    }

    /** Runs on the channel's event loop, once per accepted connection. */
    void channelInitialized(Channel channel) {
        accepted.increment();
        channel.closeFuture().addListener(f -> closed.increment());
        EventLoop loop = channel.eventLoop();
        if (loop instanceof SingleThreadEventExecutor executor && loops.putIfAbsent(loop, Boolean.TRUE) == null) {
            // initChannel runs on the loop's own thread: its name is the loop's name (reactor-http-epoll-2)
            Gauge.builder(PENDING_TASKS, executor, SingleThreadEventExecutor::pendingTasks)
                    .tag("name", Thread.currentThread().getName())
                    .description("Tasks waiting to run on this event loop")
                    .register(registry);
        }
    }
}
