package dev.iolab.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.contract.Endpoints;
import dev.iolab.contract.Limits;
import dev.iolab.contract.MediaTypes;
import java.io.InputStream;
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
        assertThat(Checks.normalizedMediaType(response.headers().firstValue("Content-Type").orElse(null)))
                .as("Content-Type of%n%s", Describe.response(response))
                .isEqualTo(Checks.normalizedMediaType(MediaTypes.TEXT_PLAIN_UTF8));
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).as("body of%n%s", Describe.response(response))
                .isEqualTo(text);
    }

    @ConformanceTest
    @DisplayName("GET without msg returns an empty text/plain body")
    void echoGetWithoutMsgReturnsEmptyBody(TargetUnderTest target) {
        HttpResponse<byte[]> response = Http.get(target, Endpoints.ECHO);
        Checks.status(response, 200);
        Checks.common(target, response);
        assertThat(Checks.normalizedMediaType(response.headers().firstValue("Content-Type").orElse(null)))
                .as("Content-Type of%n%s", Describe.response(response))
                .isEqualTo(Checks.normalizedMediaType(MediaTypes.TEXT_PLAIN_UTF8));
        assertThat(response.body()).as("body of%n%s", Describe.response(response)).isEmpty();
    }

    @ConformanceTest
    @DisplayName("POST returns the body byte for byte (0 B to 16 MiB, Content-Length)")
    void echoReturnsBodyByteForByteWithContentLength(TargetUnderTest target) {
        for (long size : SIZES) {
            // a known length makes the JDK client send Content-Length (fromPublisher refuses a length of 0)
            HttpRequest.BodyPublisher body = size == 0 ? HttpRequest.BodyPublishers.ofByteArray(new byte[0])
                    : HttpRequest.BodyPublishers.fromPublisher(
                            HttpRequest.BodyPublishers.ofInputStream(() -> Payloads.stream(size, size)), size);
            HttpRequest request = Http.request(target, Endpoints.ECHO).POST(body).build();
            assertEchoed(target, request, size);
        }
    }

    @ConformanceTest
    @DisplayName("POST returns the body byte for byte (0 B to 16 MiB, chunked)")
    void echoReturnsBodyByteForByteChunked(TargetUnderTest target) {
        for (long size : SIZES) {
            // ofInputStream has no known length, so the JDK client frames the body with chunked encoding
            HttpRequest request = Http.request(target, Endpoints.ECHO)
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> Payloads.stream(~size, size)))
                    .build();
            assertEchoed(target, request, ~size, size);
        }
    }

    @ConformanceTest
    @DisplayName("POST answers with the request's Content-Type")
    void echoKeepsRequestContentType(TargetUnderTest target) {
        for (String type : List.of("application/x-iolab-test", "text/csv;charset=UTF-8", MediaTypes.JSON)) {
            HttpResponse<byte[]> response = Http.send(Http.request(target, Endpoints.ECHO).header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString("a,b\n")).build());
            Checks.status(response, 200);
            Checks.common(target, response);
            assertThat(Checks.normalizedMediaType(response.headers().firstValue("Content-Type").orElse(null)))
                    .as("Content-Type echoed for %s in%n%s", type, Describe.response(response))
                    .isEqualTo(Checks.normalizedMediaType(type));
            assertThat(response.body()).as("body of%n%s", Describe.response(response)).isEqualTo("a,b\n".getBytes());
        }
    }

    @ConformanceTest
    @DisplayName("POST without Content-Type answers application/octet-stream")
    void echoDefaultsToOctetStream(TargetUnderTest target) {
        HttpResponse<byte[]> response = Http.send(Http.request(target, Endpoints.ECHO)
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {0, 1, 2, (byte) 0xFF})).build());
        Checks.status(response, 200);
        Checks.common(target, response);
        assertThat(Checks.essence(response.headers().firstValue("Content-Type").orElse(null)))
                .as("Content-Type of%n%s", Describe.response(response)).isEqualTo(MediaTypes.OCTET_STREAM);
        assertThat(response.body()).as("body of%n%s", Describe.response(response)).containsExactly(0, 1, 2, 0xFF);
    }

    private static void assertEchoed(TargetUnderTest target, HttpRequest request, long size) {
        assertEchoed(target, request, size, size);
    }

    private static void assertEchoed(TargetUnderTest target, HttpRequest request, long seed, long size) {
        HttpResponse<InputStream> response;
        try {
            response = Http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (java.io.UncheckedIOException e) {
            throw new AssertionError("echo of " + size + " bytes: " + e.getMessage(), e);
        }
        Payloads.DigestSink received = new Payloads.DigestSink();
        byte[] head;
        try (InputStream body = response.body()) {
            head = body.readNBytes(300);
            received.write(head, 0, head.length);
            body.transferTo(received);
        } catch (java.io.IOException e) {
            throw new AssertionError("echo of " + size + " bytes: reading the response failed: " + e, e);
        }
        String what = "echo of " + size + " bytes (" + request.headers().firstValue("Content-Length").orElse("framing by client")
                + "), response: " + response.statusCode() + " " + response.headers().map() + " body starts "
                + Describe.bytes(head, 200);
        assertThat(response.statusCode()).as(what).isEqualTo(200);
        Checks.common(target, response);
        assertThat(received.count()).as("body length, %s", what).isEqualTo(size);
        assertThat(received.hex()).as("body SHA-256, %s", what).isEqualTo(Payloads.sha256(seed, size));
    }
}
