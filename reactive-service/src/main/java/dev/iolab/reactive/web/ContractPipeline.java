package dev.iolab.reactive.web;

import dev.iolab.contract.Headers;
import dev.iolab.contract.Target;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.util.AsciiString;
import java.util.Date;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;

/**
 * Installs the contract's Netty-level handlers right after the HTTP codec: {@link RequestValidator} for what
 * Netty's decoder lets through, and a handler adding {@code X-IO-Model} and {@code Date} to every response, the
 * engine's own 400s included (they never reach Spring). Reactor Netty sends no Date by itself; the value is
 * formatted at most once a second, as Tomcat does. Both are cheaper than a WebFilter on every request.
 */
@Component
class ContractPipeline implements NettyServerCustomizer {

    private static final String HANDLER_NAME = "iolab.contractHeaders";
    private static final String VALIDATOR_NAME = "iolab.requestValidator";

    private final Handler handler;

    ContractPipeline(Target target) {
        this.handler = new Handler(AsciiString.cached(target.id()));
    }

    @Override
    public reactor.netty.http.server.HttpServer apply(reactor.netty.http.server.HttpServer server) {
        return server.doOnChannelInit((observer, channel, remoteAddress) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, HANDLER_NAME, handler);
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, VALIDATOR_NAME, new RequestValidator());
            }
        });
    }

    /** Stateless apart from the per-second Date cache, so one instance serves every channel. */
    @ChannelHandler.Sharable
    static final class Handler extends ChannelOutboundHandlerAdapter {

        private static final AsciiString X_IO_MODEL = AsciiString.cached(Headers.X_IO_MODEL);

        private final AsciiString targetId;
        private volatile CachedDate date = new CachedDate(-1, "");

        Handler(AsciiString targetId) {
            this.targetId = targetId;
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
            // 1xx interim responses (100 Continue) may be shared constants: leave them alone
            if (msg instanceof HttpResponse response && response.status().code() >= 200) {
                HttpHeaders headers = response.headers();
                if (!headers.contains(X_IO_MODEL)) {
                    headers.set(X_IO_MODEL, targetId);
                }
                if (!headers.contains(HttpHeaderNames.DATE)) {
                    headers.set(HttpHeaderNames.DATE, now());
                }
            }
            ctx.write(msg, promise);
        }

        private String now() {
            long millis = System.currentTimeMillis();
            long second = millis / 1000;
            CachedDate cached = date;
            if (cached.second != second) {
                cached = new CachedDate(second, DateFormatter.format(new Date(second * 1000)));
                date = cached;
            }
            return cached.text;
        }

        private record CachedDate(long second, String text) {}
    }
}
