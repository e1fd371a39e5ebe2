package dev.iolab.contract;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import reactor.netty.http.server.HttpServer;

/**
 * The contract's longest silence for Reactor Netty ({@link Limits#KEEP_ALIVE_TIMEOUT}): a connection on which nothing
 * was read and no byte of a pending write went out for that long is closed, between requests or in the middle of
 * one. Reactor Netty's own timeouts do not cover a stall in both directions: {@code idleTimeout} only runs between
 * requests, and {@code readTimeout} is off while backpressure has stopped reading, so a client that sends a large
 * body to an echo and never reads the answer holds its connection, buffers and the upstream's behind a proxy forever.
 */
public final class StalledConnectionTimeout {

    /** Pipeline name of the handler. */
    public static final String NAME = "iolab.stalledConnectionTimeout";

    private final Duration timeout;

    public StalledConnectionTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    /** {@code server} with the timeout first in every connection's pipeline (composes with other {@code doOnChannelInit}s). */
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit(
                (observer, channel, remote) -> channel.pipeline().addFirst(NAME, handler()));
    }

    /** A handler for one connection: all-idle, with a pending write that makes no progress counting as idle. */
    IdleStateHandler handler() {
        return new IdleStateHandler(true, 0, 0, timeout.toNanos(), TimeUnit.NANOSECONDS) {
            @Override
            protected void channelIdle(ChannelHandlerContext ctx, IdleStateEvent event) {
                if (event.state() == IdleState.ALL_IDLE) {
                    ctx.close();
                }
            }
        };
    }
}
