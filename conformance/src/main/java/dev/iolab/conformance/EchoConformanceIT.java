package dev.iolab.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.contract.Endpoints;
import dev.iolab.contract.Limits;
import dev.iolab.contract.MediaTypes;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;

/** {@code GET /echo?msg=} and {@code POST /echo}: decoded text, and bodies echoed byte for byte whatever their framing. */
@DisplayName("echo")
class EchoConformanceIT {

    /** Sizes that cross buffer boundaries, up to the limit itself (inclusive). */
    static final List<Long> SIZES = List.of(0L, 1L, 1000L, 64L * 1024 + 3, 1024L * 1024, Limits.MAX_ECHO_BYTES);

    @ConformanceTest
    @DisplayName("GET returns the percent-decoded UTF-8 text as text/plain;charset=UTF-8")
    void echoGetReturnsDecodedText(TargetUnderTest target) {
        String text = "héllo wörld ✓ 😀 a+b&c=d %25 / ? #";
        String encoded = URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
        HttpResponse<byte[]> response = Http.get(target, Endpoints.ECHO + "?" + Endpoints.ECHO_PARAM + "=" + encoded);
        Checks.status(response, 200);
        Checks.common(target, response);
        assertThat(Checks.normalizedMediaType(
                        response.headers().firstValue("Content-Type").orElse(null)))
                .as("Content-Type of%n%s", Describe.response(response))
                .isEqualTo(Checks.normalizedMediaType(MediaTypes.TEXT_PLAIN_UTF8));
        assertThat(new String(response.body(), StandardCharsets.UTF_8))
                .as("body of%n%s", Describe.response(response))
                .isEqualTo(text);
    }

    @ConformanceTest
    @DisplayName("GET without msg returns an empty text/plain body")
    void echoGetWithoutMsgReturnsEmptyBody(TargetUnderTest target) {
        HttpResponse<byte[]> response = Http.get(target, Endpoints.ECHO);
        Checks.status(response, 200);
        Checks.common(target, response);
        assertThat(Checks.normalizedMediaType(
                        response.headers().firstValue("Content-Type").orElse(null)))
                .as("Content-Type of%n%s", Describe.response(response))
                .isEqualTo(Checks.normalizedMediaType(MediaTypes.TEXT_PLAIN_UTF8));
        assertThat(response.body())
                .as("body of%n%s", Describe.response(response))
                .isEmpty();
    }

    @ConformanceTest
    @DisplayName("POST returns the body byte for byte (0 B to 16 MiB, Content-Length)")
    void echoReturnsBodyByteForByteWithContentLength(TargetUnderTest target) throws IOException {
        for (long size : SIZES) {
            assertEchoed(target, size, false);
        }
    }

    @ConformanceTest
    @DisplayName("POST returns the body byte for byte (0 B to 16 MiB, chunked)")
    void echoReturnsBodyByteForByteChunked(TargetUnderTest target) throws IOException {
        for (long size : SIZES) {
            assertEchoed(target, size, true);
        }
    }

    @ConformanceTest
    @DisplayName("POST answers with the request's Content-Type")
    void echoKeepsRequestContentType(TargetUnderTest target) {
        for (String type : List.of("application/x-iolab-test", "text/csv;charset=UTF-8", MediaTypes.JSON)) {
            HttpResponse<byte[]> response = Http.send(Http.request(target, Endpoints.ECHO)
                    .header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString("a,b\n"))
                    .build());
            Checks.status(response, 200);
            Checks.common(target, response);
            assertThat(Checks.normalizedMediaType(
                            response.headers().firstValue("Content-Type").orElse(null)))
                    .as("Content-Type echoed for %s in%n%s", type, Describe.response(response))
                    .isEqualTo(Checks.normalizedMediaType(type));
            assertThat(response.body())
                    .as("body of%n%s", Describe.response(response))
                    .isEqualTo("a,b\n".getBytes());
        }
    }

    @ConformanceTest
    @DisplayName("POST without Content-Type answers application/octet-stream")
    void echoDefaultsToOctetStream(TargetUnderTest target) {
        HttpResponse<byte[]> response = Http.send(Http.request(target, Endpoints.ECHO)
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {0, 1, 2, (byte) 0xFF}))
                .build());
        Checks.status(response, 200);
        Checks.common(target, response);
        assertThat(Checks.essence(response.headers().firstValue("Content-Type").orElse(null)))
                .as("Content-Type of%n%s", Describe.response(response))
                .isEqualTo(MediaTypes.OCTET_STREAM);
        assertThat(response.body())
                .as("body of%n%s", Describe.response(response))
                .containsExactly(0, 1, 2, 0xFF);
    }

    /**
     * Streams {@code size} generated bytes to POST /echo while reading the echo at the same time (a streaming
     * echo writes before it has read everything; a client that only reads after sending would deadlock it),
     * and compares length and SHA-256.
     */
    private static void assertEchoed(TargetUnderTest target, long size, boolean chunked) throws IOException {
        long seed = chunked ? ~size : size;
        String head = RawConnection.request(
                "POST",
                target,
                Endpoints.ECHO,
                "Content-Type: application/octet-stream",
                chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + size);
        String what = "echo of " + size + " bytes (" + (chunked ? "chunked" : "Content-Length") + ")";
        try (RawConnection connection = RawConnection.open(target)) {
            connection.send(head);
            try (BodyWriter writer = BodyWriter.start(connection, Payloads.stream(seed, size), chunked)) {
                Payloads.DigestSink received = new Payloads.DigestSink();
                RawResponse response;
                try {
                    response = connection.read(received);
                } catch (IOException e) {
                    throw new AssertionError(what + ": no response (" + writer.written() + " bytes written): " + e, e);
                }
                Checks.status(response, head + "<" + size + " bytes>", 200);
                Checks.common(target, response, "POST", true);
                assertThat(response.complete())
                        .as("%s: complete response%n%s", what, response.describe())
                        .isTrue();
                assertThat(received.count())
                        .as("%s: body length%n%s", what, response.describe())
                        .isEqualTo(size);
                assertThat(received.hex())
                        .as("%s: body SHA-256%n%s", what, response.describe())
                        .isEqualTo(Payloads.sha256(seed, size));
            }
        }
    }
}
