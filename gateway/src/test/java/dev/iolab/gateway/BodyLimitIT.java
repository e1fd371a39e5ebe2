package dev.iolab.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.iolab.conformance.BodyWriter;
import dev.iolab.conformance.Payloads;
import dev.iolab.conformance.RawConnection;
import dev.iolab.conformance.RawResponse;
import dev.iolab.contract.Endpoints;
import dev.iolab.contract.Headers;
import dev.iolab.contract.Limits;
import dev.iolab.contract.Target;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway enforces the contract's body limits itself, so the upstream never receives byte limit+1 and
 * never races the gateway with an early answer; and an upstream response that ends early is never completed
 * towards the client. The upstream is raw and records how much of each body it got.
 */
class BodyLimitIT extends GatewayOnRandomPort {

    static final Target ROUTE = Target.WEBFLUX_EPOLL;

    @RegisterExtension // closed after the class
    static final ChunkedEchoUpstream UPSTREAM = start();

    @DynamicPropertySource
    static void upstream(DynamicPropertyRegistry registry) {
        UPSTREAM.routeTo(registry, ROUTE);
    }

    @BeforeEach
    void forget() {
        UPSTREAM.clear();
    }

    @Test
    void contentLengthOverTheLimitIs413FromTheGatewayAndNeverReachesTheUpstream() throws IOException {
        for (String request : new String[] {"POST " + Endpoints.ECHO, "PUT " + Endpoints.FILES_PREFIX + "big.bin"}) {
            long limit = request.startsWith("POST") ? Limits.MAX_ECHO_BYTES : Limits.MAX_UPLOAD_BYTES;
            RawResponse result;
            result = exchange(head(request, "Content-Length: " + (limit + 1)), 1024 * 1024, false);
            assertThat(result.status()).as("%s%n%s", request, result.head()).isEqualTo(413);
            assertThat(result.head().toLowerCase())
                    .contains(Headers.X_IO_MODEL.toLowerCase() + ": " + Target.GATEWAY_ID)
                    .contains("connection: close");
        }
        assertThat(UPSTREAM.seen()).as("requests the upstream received").isEmpty();
    }

    @Test
    void chunkedPutOverTheLimitIs413AndTheUpstreamNeverGetsAWholeBody() throws IOException {
        RawResponse result;
        result = exchange(
                head("PUT " + Endpoints.FILES_PREFIX + "big.bin", "Transfer-Encoding: chunked"),
                Limits.MAX_UPLOAD_BYTES + 256 * 1024,
                true);
        assertThat(result.status()).as(result.head()).isEqualTo(413);
        assertThat(result.complete()).isTrue();
        assertTruncatedUpstreamBody(Limits.MAX_UPLOAD_BYTES);
    }

    @Test
    void chunkedEchoOverTheLimitIsCutOffWithoutAFinalChunk() throws IOException {
        long size = Limits.MAX_ECHO_BYTES + 256 * 1024;
        RawResponse result;
        result = exchange(head("POST " + Endpoints.ECHO, "Transfer-Encoding: chunked"), size, true);
        assertThat(result.status()).as(result.head()).isEqualTo(200);
        assertThat(result.complete())
                .as("a cut-off echo must not end with the final chunk (%d bytes came back)", result.bodyLength())
                .isFalse();
        assertThat(result.bodyLength()).isLessThanOrEqualTo(Limits.MAX_ECHO_BYTES);
        assertTruncatedUpstreamBody(Limits.MAX_ECHO_BYTES);
    }

    @Test
    void chunkedEchoUnderTheLimitPassesWhole() throws IOException {
        long size = 3 * 1024 * 1024 + 17;
        RawResponse result;
        result = exchange(head("POST " + Endpoints.ECHO, "Transfer-Encoding: chunked"), size, true);
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.complete()).isTrue();
        assertThat(result.bodyLength()).isEqualTo(size);
        assertThat(UPSTREAM.seen())
                .singleElement()
                .satisfies(s -> assertThat(s.complete()).isTrue());
    }

    @Test
    void upstreamResetDuringTheResponseIsNeverCompletedTowardsTheClient() throws IOException {
        // The upstream resets while the gateway still sends the body: the gateway sees either the failed write
        // or the failed read first (a race), and must abort the client's response either way.
        for (int i = 0; i < 10; i++) {
            RawResponse result;
            try {
                result = exchange(
                        head("POST " + Endpoints.ECHO + "?reset", "Transfer-Encoding: chunked"),
                        8L * 1024 * 1024,
                        true);
            } catch (IOException noResponseAtAll) {
                continue; // aborted before the head arrived: also never complete
            }
            if (result.status() == 200) {
                assertThat(result.complete())
                        .as("round %d: %s, %d body bytes", i, result.head(), result.bodyLength())
                        .isFalse();
            } else {
                // reset before any body byte reached the client: the gateway's own 502 (complete, not the upstream's)
                assertThat(result.status()).as("round %d: %s", i, result.head()).isEqualTo(502);
            }
        }
    }

    private void assertTruncatedUpstreamBody(long limit) {
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(UPSTREAM.seen()).singleElement().satisfies(seen -> {
                    assertThat(seen.complete())
                            .as("the upstream never gets a complete body")
                            .isFalse();
                    assertThat(seen.bodyBytes()).as("bytes forwarded").isLessThanOrEqualTo(limit);
                }));
    }

    /**
     * Sends {@code head} and then {@code bodyBytes} generated bytes (in 64 KiB chunks when {@code chunked}) on their
     * own thread while the response is read, the way the conformance suite sends oversized bodies, so an early answer
     * is heard instead of deadlocking; the body read is counted, not kept, and one cut off by a close or reset is
     * incomplete.
     */
    private RawResponse exchange(String head, long bodyBytes, boolean chunked) throws IOException {
        RawConnection connection = connect(Duration.ofSeconds(30));
        try (BodyWriter writer = BodyWriter.start(connection.send(head), Payloads.stream(1, bodyBytes), chunked)) {
            return connection.read(OutputStream.nullOutputStream());
        }
    }

    private static String head(String methodAndPath, String framing) {
        String[] parts = methodAndPath.split(" ");
        return parts[0] + " /" + ROUTE.id() + parts[1] + " HTTP/1.1\r\nHost: localhost\r\n" + framing + "\r\n\r\n";
    }

    private static ChunkedEchoUpstream start() {
        try {
            return new ChunkedEchoUpstream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
