package dev.iolab.gateway;

import dev.iolab.contract.Headers;
import dev.iolab.contract.Target;
import dev.iolab.contract.TransferCoding;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import java.util.Date;
import java.util.List;

/**
 * The request-head rules Netty's decoder leaves to the application, enforced before a request can be
 * proxied, each answered with an error and a closed connection: a Transfer-Encoding other than exactly
 * {@code chunked} (Netty would frame it by Content-Length while a front-end reading {@code "chunked"} as
 * chunked would not: the TE.CL desync; RFC 9112 §6.1: chunked not final or a malformed list 400, another
 * coding before chunked 501; {@link TransferCoding}) and an
 * HTTP/1.1 request without exactly one Host, or a request-target with a control character (RFC 9112
 * §3.2: 400). Also stamps a {@code Date} (RFC 9110 §6.6.1) and {@code X-IO-Model: gateway} on responses
 * that lack them, such as the 400s Reactor Netty sends for requests it cannot decode.
 */
final class RequestHeadGuard extends ChannelDuplexHandler {

    /** Name of this handler in the pipeline, right after Reactor Netty's HTTP codec. */
    static final String NAME = "iolab.requestHeadGuard";

    private boolean rejected;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (rejected) {
            ReferenceCountUtil.release(msg); // the rest of a rejected request: the connection is closing
            return;
        }
        if (msg instanceof HttpRequest request) {
            HttpResponseStatus verdict = verdict(request.headers().getAll(HttpHeaderNames.TRANSFER_ENCODING));
            if (verdict == null
                    && (hasControlOrSpace(request.uri())
                            || request.protocolVersion().equals(HttpVersion.HTTP_1_1)
                                    && request.headers()
                                                    .getAll(HttpHeaderNames.HOST)
                                                    .size()
                                            != 1)) {
                verdict = HttpResponseStatus.BAD_REQUEST;
            }
            if (verdict != null) {
                rejected = true;
                ReferenceCountUtil.release(msg);
                ctx.writeAndFlush(response(verdict)).addListener(ChannelFutureListener.CLOSE);
                return;
            }
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpResponse response && response.status().code() >= 200) {
            if (!response.headers().contains(HttpHeaderNames.DATE)) {
                response.headers().set(HttpHeaderNames.DATE, DateFormatter.format(new Date()));
            }
            // a proxied answer carries the target's; one the gateway's Netty wrote itself (a 400 for an
            // undecodable request) carries the gateway's, like every other answer of its own
            if (!response.headers().contains(Headers.X_IO_MODEL)) {
                response.headers().set(Headers.X_IO_MODEL, Target.GATEWAY_ID);
            }
        }
        ctx.write(msg, promise);
    }

    /** A request-target never holds CTLs, SP or DEL (RFC 9112 §3.2); Netty passes a NUL through. */
    static boolean hasControlOrSpace(String target) {
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c <= ' ' || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    /**
     * null when the Transfer-Encoding fields are absent or exactly {@code chunked}, else the status to answer:
     * the contract's one reading of the field ({@link TransferCoding}).
     */
    static HttpResponseStatus verdict(List<String> values) {
        TransferCoding.Verdict verdict = TransferCoding.verdict(values);
        return verdict.refused() ? HttpResponseStatus.valueOf(verdict.status()) : null;
    }

    private static FullHttpResponse response(HttpResponseStatus status) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.EMPTY_BUFFER);
        response.headers()
                .set(HttpHeaderNames.CONTENT_LENGTH, 0)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                .set(HttpHeaderNames.DATE, DateFormatter.format(new Date()))
                .set(Headers.X_IO_MODEL, Target.GATEWAY_ID);
        return response;
    }
}
