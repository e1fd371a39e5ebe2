package dev.iolab.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.iolab.conformance.RawConnection;
import dev.iolab.conformance.RawResponse;
import dev.iolab.contract.Limits;
import dev.iolab.contract.Target;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Bodies stream through the gateway both ways: the upstream sees an upload's first bytes while the client
 * is still holding the rest back, and the client reads a response's first bytes while the upstream is still
 * holding the rest back. A gateway that aggregated bodies would deadlock both tests.
 */
class StreamingIT extends GatewayOnRandomPort {

    static final Target ROUTE = Target.WEBFLUX_IOURING;
    static final int PART = 4 * 1024 * 1024;

    @RegisterExtension // closed after the class
    static final Upstream UPSTREAM = Upstream.start();
    /** Body bytes the upstream has received for the current upload. */
    static final AtomicLong received = new AtomicLong();
    /** Released by the test once the client got the first part of the response. */
    static final CountDownLatch releaseRest = new CountDownLatch(1);

    @DynamicPropertySource
    static void upstream(DynamicPropertyRegistry registry) {
        UPSTREAM.routeTo(registry, ROUTE);
    }

    @Test
    void uploadStreamsToTheUpstreamBeforeTheClientHasSentItAll() throws Exception {
        long total = Limits.MAX_UPLOAD_BYTES;
        try (RawConnection client = connect(Duration.ofSeconds(30))) {
            client.send(RawConnection.request(
                    "PUT", client.target(), "/" + ROUTE.id() + "/files/up.bin", "Content-Length: " + total));
            byte[] part = new byte[PART];
            client.send(part);
            // The rest is held back: only a streaming proxy lets the upstream see bytes now.
            await().atMost(Duration.ofSeconds(20)).until(() -> received.get() >= PART / 2);
            for (long sent = PART; sent < total; sent += PART) {
                client.output().write(part);
            }
            client.output().flush();
            RawResponse answer = client.read();
            assertThat(answer.status()).as(answer.describe()).isEqualTo(201);
            assertThat(answer.complete()).as(answer.describe()).isTrue();
            assertThat(answer.bodyText()).isEqualTo("received=" + total);
        }
    }

    @Test
    void responseStreamsToTheClientBeforeTheUpstreamHasSentItAll() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<InputStream> response = client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/" + ROUTE.id() + "/files/16m.bin"))
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        try (InputStream body = response.body()) {
            assertThat(body.readNBytes(PART)).hasSize(PART); // arrives while the upstream holds back the rest
            releaseRest.countDown();
            assertThat(body.readAllBytes()).hasSize(PART);
        }
    }

    /** The upstream: PUT counts the body as it arrives, then 201; GET sends one part, waits for the test, the second. */
    static final class Upstream extends RawUpstream {

        private Upstream() throws IOException {
            super(0);
            accept();
        }

        static Upstream start() {
            try {
                return new Upstream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        void serve(Socket socket) {
            try (socket;
                    InputStream in = socket.getInputStream();
                    OutputStream out = socket.getOutputStream()) {
                String head = readHead(in);
                if (head == null) {
                    return; // closed before a whole head: nothing to answer
                }
                if (head.startsWith("PUT")) {
                    long length = Long.parseLong(head.replaceAll("(?is).*\r\ncontent-length: *(\\d+).*", "$1"));
                    byte[] buffer = new byte[64 * 1024];
                    int n;
                    while (received.get() < length && (n = in.read(buffer)) > 0) {
                        received.addAndGet(n);
                    }
                    byte[] body = ("received=" + received.get()).getBytes(StandardCharsets.US_ASCII);
                    out.write(("HTTP/1.1 201 Created\r\nContent-Length: " + body.length + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.write(body);
                } else {
                    out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + 2 * PART + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.write(new byte[PART]);
                    out.flush();
                    if (!releaseRest.await(30, TimeUnit.SECONDS)) {
                        return; // the client never saw the first part: the test fails on its side
                    }
                    out.write(new byte[PART]);
                }
                out.flush();
            } catch (IOException | InterruptedException gone) {
                // connection closed by the gateway
            }
        }
    }
}
