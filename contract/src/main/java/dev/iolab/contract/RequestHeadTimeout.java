package dev.iolab.contract;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * The contract's slowloris guard for Reactor Netty ({@link Limits#HEADER_READ_TIMEOUT}): a request head must be
 * complete within that time of its first byte, or the connection is closed. Reactor Netty's own timeouts cannot do
 * it: {@code readTimeout} and {@code requestTimeout} only cover a request's body, and {@code idleTimeout} restarts on
 * every read, so a client that sends one header line a second holds its connection (and its buffers) forever.
 * Two handlers share one deadline: one before the HTTP codec arms it when bytes arrive between requests, one after
 * the codec disarms it when the decoded head comes out.
 */
public final class RequestHeadTimeout {

    /** Pipeline names of the two handlers. */
    public static final String BEFORE_CODEC = "iolab.requestHeadTimeout.bytes";

    public static final String AFTER_CODEC = "iolab.requestHeadTimeout.head";

    private final Duration timeout;

    public RequestHeadTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    /** {@code server} with the guard in every connection's pipeline (composes with its other {@code doOnChannelInit}s). */
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remote) -> install(channel.pipeline()));
    }

    /** Adds the two handlers around the pipeline's {@link NettyPipeline#HttpCodec}, when it has one. */
    void install(ChannelPipeline pipeline) {
        if (pipeline.get(NettyPipeline.HttpCodec) == null) {
            return;
        }
        Deadline deadline = new Deadline(timeout.toNanos());
        pipeline.addBefore(NettyPipeline.HttpCodec, BEFORE_CODEC, deadline.bytes);
        pipeline.addAfter(NettyPipeline.HttpCodec, AFTER_CODEC, deadline.heads);
    }

    /** One connection's deadline for its current request head; touched only on its event loop. */
    static final class Deadline {

        private final long nanos;
        private ScheduledFuture<?> pending;
        private boolean inMessage;
        final ChannelInboundHandlerAdapter bytes = new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (!inMessage && pending == null && msg instanceof ByteBuf buf && buf.isReadable()) {
                    pending = ctx.executor()
                            .schedule(
                                    () -> {
                                        pending = null;
                                        ctx.channel().close();
                                    },
                                    nanos,
                                    TimeUnit.NANOSECONDS);
                }
                ctx.fireChannelRead(msg);
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) {
                disarm();
                ctx.fireChannelInactive();
            }
        };
        final ChannelDuplexHandler heads = new ChannelDuplexHandler() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (msg instanceof HttpRequest) {
                    disarm();
                    inMessage = true;
                }
                if (msg instanceof LastHttpContent) {
                    inMessage = false;
                }
                ctx.fireChannelRead(msg);
            }
        };

        Deadline(long nanos) {
            this.nanos = nanos;
        }

        private void disarm() {
            if (pending != null) {
                pending.cancel(false);
                pending = null;
            }
        }
    }
}
