package dev.iolab.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResponseReaderTests {

    private static ResponseReader reader(String wire) {
        return new ResponseReader(new ByteArrayInputStream(wire.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void readsContentLengthBodyAndLeavesTheNextResponse() throws IOException {
        ResponseReader reader = reader("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nX-IO-Model: m\r\n\r\nhello"
                + "HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n");
        RawResponse first = reader.read(false);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.bodyText()).isEqualTo("hello");
        assertThat(first.framing()).isEqualTo("content-length");
        assertThat(first.complete()).isTrue();
        assertThat(first.header("x-io-model")).contains("m");
        assertThat(reader.read(false).status()).isEqualTo(404);
    }

    @Test
    void decodesChunkedBodyWithExtensionsAndTrailers() throws IOException {
        RawResponse response = reader("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "5;ext=1\r\nhello\r\nA\r\n, world!!!\r\n0\r\nX-Trailer: t\r\n\r\n")
                .read(false);
        assertThat(response.bodyText()).isEqualTo("hello, world!!!");
        assertThat(response.framing()).isEqualTo("chunked");
        assertThat(response.complete()).isTrue();
    }

    @Test
    void reportsAChunkedBodyCutOffBeforeItsLastChunkAsIncomplete() throws IOException {
        RawResponse response = reader("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n10\r\nonly")
                .read(false);
        assertThat(response.complete()).isFalse();
        assertThat(response.bodyLength()).isEqualTo(9);
        assertThat(response.describe()).contains("INCOMPLETE");
    }

    @Test
    void reportsAShortContentLengthBodyAsIncomplete() throws IOException {
        RawResponse response =
                reader("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc").read(false);
        assertThat(response.complete()).isFalse();
        assertThat(response.bodyText()).isEqualTo("abc");
    }

    @Test
    void readsACloseDelimitedBodyToTheEnd() throws IOException {
        RawResponse response =
                reader("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nuntil eof").read(false);
        assertThat(response.framing()).isEqualTo("close");
        assertThat(response.bodyText()).isEqualTo("until eof");
    }

    @Test
    void readsNoBodyForHeadNoContentAndNotModified() throws IOException {
        ResponseReader reader = reader("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n"
                + "HTTP/1.1 204 No Content\r\n\r\n" + "HTTP/1.1 304 Not Modified\r\nContent-Length: 100\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
        assertThat(reader.read(true).bodyLength()).isZero();
        assertThat(reader.read(false).status()).isEqualTo(204);
        assertThat(reader.read(false).status()).isEqualTo(304);
        assertThat(reader.read(false).bodyText()).isEqualTo("ok");
    }

    @Test
    void skipsInterimResponses() throws IOException {
        RawResponse response = reader("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nx")
                .read(false);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyText()).isEqualTo("x");
    }

    @Test
    void failsOnEofBeforeAnyResponseAndOnGarbage() {
        assertThatThrownBy(() -> reader("").read(false)).isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> reader("garbage\r\n\r\n").read(false))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("status line");
    }

    @Test
    void streamsLargeBodiesToASink() throws IOException {
        String body = "x".repeat(200_000);
        Payloads.DigestSink sink = new Payloads.DigestSink();
        RawResponse response = new ResponseReader(
                        new ByteArrayInputStream(("HTTP/1.1 200 OK\r\nContent-Length: 200000\r\n\r\n" + body)
                                .getBytes(StandardCharsets.ISO_8859_1)))
                .read(false, sink);
        assertThat(response.bodyLength()).isEqualTo(200_000);
        assertThat(response.body()).isEmpty();
        assertThat(sink.hex()).isEqualTo(Payloads.sha256(body.getBytes(StandardCharsets.ISO_8859_1)));
    }
}
