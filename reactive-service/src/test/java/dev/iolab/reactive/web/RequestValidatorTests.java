package dev.iolab.reactive.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestValidatorTests {

    private final EmbeddedChannel channel = new EmbeddedChannel(new HttpServerCodec(), new RequestValidator());

    @Test
    void wellFormedRequestPassesUntouched() {
        List<Object> out =
                feed("POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
        assertThat(out.getFirst()).isInstanceOf(HttpRequest.class);
        assertThat(((HttpRequest) out.getFirst()).decoderResult().isSuccess()).isTrue();
        assertThat(out).hasSizeGreaterThan(1);
        out.forEach(ReferenceCountUtil::release);
    }

    @Test
    void brokenChunkSyntaxFailsTheWholeRequestBeforeAnyHandlerSeesIt() {
        // Netty skips "XX0" up to the LF after a chunk; RFC 9112 §7.1 wants CRLF right after the data
        List<Object> out =
                feed("POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhelloXX0\r\n\r\n");
        assertThat(out).hasSize(1);
        assertThat(((HttpRequest) out.getFirst()).decoderResult().isFailure()).isTrue();
        assertThat(out).noneMatch(HttpContent.class::isInstance);
    }

    @Test
    void missingHostInHttp11IsAFailure() {
        List<Object> out = feed("GET /echo HTTP/1.1\r\n\r\n");
        assertThat(((HttpRequest) out.getFirst()).decoderResult().cause()).hasMessageContaining("Host");
        out.forEach(ReferenceCountUtil::release);
    }

    @Test
    void http10WithoutHostIsFine() {
        List<Object> out = feed("GET /echo HTTP/1.0\r\n\r\n");
        assertThat(((HttpRequest) out.getFirst()).decoderResult().isSuccess()).isTrue();
        out.forEach(ReferenceCountUtil::release);
    }

    @Test
    void controlAndUnsafeCharactersInTheTargetAreFailures() {
        for (String target : new String[] {"/echo?msg=a\u0000b", "/echo?msg=a\u0001b", "/echo?msg=\"", "/files/a\\b"}) {
            // a fresh connection each: after a failed head nothing more passes on the same one
            List<Object> out = feed(
                    new EmbeddedChannel(new HttpServerCodec(), new RequestValidator()),
                    "GET " + target + " HTTP/1.1\r\nHost: a\r\n\r\n");
            assertThat(((HttpRequest) out.getFirst()).decoderResult().isFailure())
                    .as(target)
                    .isTrue();
            out.forEach(ReferenceCountUtil::release);
        }
    }

    @Test
    void transferEncodingThatIsNotExactlyChunkedFailsAndNothingAfterItPasses() {
        // Netty frames "\u00a0chunked" by Content-Length: the "body" and the pipelined GET must never reach a handler
        String body = "5\r\nfirst\r\n0\r\n\r\n";
        List<Object> out = feed("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: " + body.length()
                + "\r\nTransfer-Encoding: \u00a0chunked\r\n\r\n" + body
                + "GET /echo?msg=second HTTP/1.1\r\nHost: a\r\n\r\n");
        assertThat(out).hasSize(1);
        // Netty 4.2.18's decoder refuses it itself ("The final transfer coding must be chunked"); before, ours did
        assertThat(((HttpRequest) out.getFirst()).decoderResult().cause())
                .hasMessageMatching("(?is).*transfer.(encoding|coding).*");
        assertThat(feed("GET /echo?msg=later HTTP/1.1\r\nHost: a\r\n\r\n"))
                .as("a later read on the same connection")
                .isEmpty();
    }

    @Test
    void otherCodingsBeforeChunkedFail() {
        List<Object> out = feed("POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n");
        assertThat(out).hasSize(1);
        assertThat(((HttpRequest) out.getFirst()).decoderResult().isFailure()).isTrue();
    }

    private List<Object> feed(String request) {
        return feed(channel, request);
    }

    private static List<Object> feed(EmbeddedChannel channel, String request) {
        channel.writeInbound(Unpooled.copiedBuffer(request, StandardCharsets.ISO_8859_1));
        List<Object> out = new ArrayList<>();
        for (Object msg = channel.readInbound(); msg != null; msg = channel.readInbound()) {
            out.add(msg);
        }
        return out;
    }
}
