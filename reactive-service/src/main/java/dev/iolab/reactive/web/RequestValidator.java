package dev.iolab.reactive.web;

import dev.iolab.contract.TransferCoding;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;

/**
 * Sits right after Netty's HTTP decoder and turns what Netty lets through into decoding failures, so that
 * Reactor Netty answers them like any malformed request (400, then close): a request target with control,
 * space, NUL or other characters RFC 3986 forbids, an HTTP/1.1 request without Host (RFC 9112 §3.2), and a
 * Transfer-Encoding that is not exactly a coding list ending in chunked ({@link TransferCoding}; Netty frames such a
 * request by Content-Length, a peer reading it as chunked would not: RFC 9112 §6.1/§6.3). Once a head fails, nothing
 * after it on the connection is passed on (its body, whatever Netty framed it by, and any pipelined request): the
 * connection only carries the 400 and closes.
 * It holds each read's messages until the read completes, so that a body whose chunk syntax is broken
 * (RFC 9112 §7.1) fails its whole request with 400 before a handler starts an answer; a body that breaks in a
 * later read, once the answer may have begun, closes the connection instead of letting it complete as whole.
 */
final class RequestValidator extends ChannelInboundHandlerAdapter {

    /** Messages of the current read, passed on (or released) at channelReadComplete. */
    private final ArrayDeque<Object> batch = new ArrayDeque<>(4);
    /** A valid head was passed on and its body is still arriving. */
    private boolean bodyInProgress;
    /** A head failed: everything after it is dropped, Reactor Netty answers 400 from the head and closes. */
    private boolean dropRest;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (dropRest) {
            ReferenceCountUtil.release(msg); // behind a failed head: the connection is closing
            return;
        }
        if (msg instanceof HttpRequest request && request.decoderResult().isSuccess()) {
            String problem = problem(request);
            if (problem != null) {
                request.setDecoderResult(DecoderResult.failure(new IllegalArgumentException(problem)));
            }
        }
        batch.add(msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        // a head whose body breaks within this same read fails as a whole: nothing has been answered yet
        HttpRequest head = null;
        for (Object msg : batch) {
            if (msg instanceof HttpRequest request) {
                head = request;
            } else if (head != null
                    && msg instanceof HttpContent content
                    && content.decoderResult().isFailure()
                    && head.decoderResult().isSuccess()) {
                head.setDecoderResult(
                        DecoderResult.failure(content.decoderResult().cause()));
            }
        }
        while (!batch.isEmpty()) {
            Object msg = batch.poll();
            if (dropRest) {
                ReferenceCountUtil.release(msg);
            } else if (msg instanceof HttpRequest request) {
                dropRest = request.decoderResult().isFailure();
                bodyInProgress = !dropRest && !(msg instanceof LastHttpContent);
                ctx.fireChannelRead(msg);
            } else if (msg instanceof HttpContent content
                    && content.decoderResult().isFailure()
                    && bodyInProgress) {
                // the answer may have begun: cut the connection, never let the response complete as if whole
                ReferenceCountUtil.release(msg);
                releaseBatch();
                ctx.close();
                return;
            } else {
                if (msg instanceof LastHttpContent) {
                    bodyInProgress = false;
                }
                ctx.fireChannelRead(msg);
            }
        }
        ctx.fireChannelReadComplete();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        releaseBatch();
    }

    private void releaseBatch() {
        while (!batch.isEmpty()) {
            ReferenceCountUtil.release(batch.poll());
        }
    }

    /** Why the head is malformed, or null. */
    static String problem(HttpRequest request) {
        String uri = request.uri();
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            // RFC 3986 §2: a URI holds unreserved, reserved and '%' only: never CTLs, SP, DEL or non-ASCII
            if (c <= 0x20 || c >= 0x7F || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`'
                    || c == '{' || c == '|' || c == '}') {
                return "invalid character in request target";
            }
        }
        if (HttpVersion.HTTP_1_1.equals(request.protocolVersion())
                && !request.headers().contains(HttpHeaderNames.HOST)) {
            return "HTTP/1.1 request without Host (RFC 9112 §3.2)";
        }
        // RFC 9112 §6.1/§6.3: a body is chunked only when TE is exactly a coding list ending in chunked
        TransferCoding.Verdict framing =
                TransferCoding.verdict(request.headers().getAll(HttpHeaderNames.TRANSFER_ENCODING));
        if (framing.refused()) {
            return "Transfer-Encoding is not a coding list ending in chunked (RFC 9112 §6.1)";
        }
        return null;
    }
}
