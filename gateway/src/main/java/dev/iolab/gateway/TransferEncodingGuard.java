package dev.iolab.gateway;

import dev.iolab.contract.Headers;
import dev.iolab.contract.Target;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;

import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Rejects a request whose Transfer-Encoding is anything but exactly {@code chunked} before it reaches
 * the proxy, then closes the connection. Netty frames such a request by Content-Length, while a
 * front-end that reads {@code "chunked"} or {@code cow chunked bar} as chunked would frame it otherwise:
 * the classic TE.CL desync. RFC 9112 §6.1: an unknown coding is 501, chunked not final is 400.
 */
final class TransferEncodingGuard extends ChannelInboundHandlerAdapter {

    /** Name of this handler in the pipeline, right after Reactor Netty's HTTP codec. */
    static final String NAME = "iolab.transferEncodingGuard";

    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private boolean rejected;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (rejected) {
            ReferenceCountUtil.release(msg); // the rest of a rejected request: the connection is closing
            return;
        }
        if (msg instanceof HttpRequest request) {
            HttpResponseStatus verdict = verdict(request.headers().getAll(HttpHeaderNames.TRANSFER_ENCODING));
            if (verdict != null) {
                rejected = true;
                ReferenceCountUtil.release(msg);
                ctx.writeAndFlush(response(verdict)).addListener(ChannelFutureListener.CLOSE);
                return;
            }
        }
        ctx.fireChannelRead(msg);
    }

    /** null when the Transfer-Encoding fields are absent or exactly {@code chunked}, else the status to answer. */
    static HttpResponseStatus verdict(List<String> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<String> codings = values.stream()
                .flatMap(v -> java.util.Arrays.stream(v.split(",", -1)))
                .map(c -> c.strip().toLowerCase(Locale.ROOT))
                .toList();
        if (codings.equals(List.of("chunked"))) {
            return null;
        }
        boolean wellFormed = codings.stream().allMatch(c -> TOKEN.matcher(c).matches());
        // Well-formed but not understood (gzip, chunk, ...): 501; anything else, or chunked not alone: 400.
        return wellFormed && !codings.contains("chunked")
                ? HttpResponseStatus.NOT_IMPLEMENTED : HttpResponseStatus.BAD_REQUEST;
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
