package dev.iolab.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A real Reactor Netty echo that streams the body back, and a client that sends a large body and never reads: both
 * directions stall on full socket buffers. With the timeout the server closes the connection about that long after
 * the last byte moved; without it the connection stays (the control), which is the defect the timeout fixes.
 */
class StalledConnectionTimeoutTests {

    private static final Duration TIMEOUT = Duration.ofMillis(800);

    /** When the server disposed of the test's connection (its side closed); 0 while open. */
    private final java.util.concurrent.atomic.AtomicLong serverClosedAt = new java.util.concurrent.atomic.AtomicLong();

    @Test
    void aClientThatSendsAndNeverReadsIsClosedAfterTheTimeout() throws Exception {
        DisposableServer server = echo(new StalledConnectionTimeout(TIMEOUT).apply(HttpServer.create()));
        try {
            // the client's own socket buffers take bytes after the server stopped reading: time from the connection
            assertThat(closedAfter(server.port(), Duration.ofSeconds(10)))
                    .as("time from connecting to the server's close")
                    .isNotNull()
                    .isBetween(TIMEOUT, TIMEOUT.plusSeconds(8));
        } finally {
            server.disposeNow();
        }
    }

    @Test
    void withoutItTheStalledConnectionStays() throws Exception {
        DisposableServer server = echo(HttpServer.create());
        try {
            assertThat(closedAfter(server.port(), Duration.ofSeconds(4)))
                    .as("the control: nothing closes a connection stalled both ways")
                    .isNull();
        } finally {
            server.disposeNow();
        }
    }

    @Test
    void aClientThatAsksForALargeBodyAndNeverReadsIsClosedAfterTheTimeout() throws Exception {
        DisposableServer server = large(new StalledConnectionTimeout(TIMEOUT).apply(HttpServer.create()));
        try {
            assertThat(largeGetClosedAfter(server.port(), Duration.ofSeconds(10)))
                    .as("time from the request to the server's close, the client never reading")
                    .isNotNull()
                    .isBetween(TIMEOUT, TIMEOUT.plusSeconds(8));
        } finally {
            server.disposeNow();
        }
    }

    @Test
    void withoutItALargeResponseNeverReadStays() throws Exception {
        DisposableServer server = large(HttpServer.create());
        try {
            assertThat(largeGetClosedAfter(server.port(), Duration.ofSeconds(4)))
                    .as("the control: the request is complete, so no read timeout runs, and idleTimeout waits for"
                            + " the response to end")
                    .isNull();
        } finally {
            server.disposeNow();
        }
    }

    /** A 64 MiB answer to {@code GET /large}, written as fast as the client takes it. */
    private DisposableServer large(HttpServer server) {
        byte[] chunk = new byte[64 * 1024];
        return watched(server)
                .idleTimeout(Duration.ofSeconds(60))
                .route(routes -> routes.get(
                        "/large",
                        (request, response) ->
                                response.send(Flux.range(0, 1024).map(i -> Unpooled.wrappedBuffer(chunk)))))
                .bindNow();
    }

    /** Asks for {@code /large} and never reads; how long until the server closed, or null within {@code patience}. */
    private Duration largeGetClosedAfter(int port, Duration patience) throws IOException, InterruptedException {
        try (SocketChannel client = SocketChannel.open()) {
            client.setOption(StandardSocketOptions.SO_RCVBUF, 4096);
            client.connect(new InetSocketAddress("127.0.0.1", port));
            long asked = System.nanoTime();
            client.write(ByteBuffer.wrap("GET /large HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
            // the client cannot see it: the server's FIN waits behind the bytes it never reads
            try {
                Awaitility.await()
                        .atMost(patience)
                        .pollInterval(Duration.ofMillis(50))
                        .until(() -> serverClosedAt.get() != 0);
            } catch (ConditionTimeoutException stillOpen) {
                return null;
            }
            return Duration.ofNanos(serverClosedAt.get() - asked);
        }
    }

    /** On a free loopback port, noting when the server closes a connection. */
    private HttpServer watched(HttpServer server) {
        return server.host("127.0.0.1")
                .port(0)
                .doOnConnection(
                        connection -> connection.onDispose(() -> serverClosedAt.compareAndSet(0, System.nanoTime())));
    }

    private DisposableServer echo(HttpServer server) {
        return watched(server)
                .route(routes -> routes.post(
                        "/echo",
                        (request, response) -> response.send(request.receive().retain())))
                .bindNow();
    }

    /**
     * Sends a 64 MiB body until the socket will take no more, then keeps offering bytes without reading; returns how
     * long after connecting the server closed, or null if it had not within {@code patience} of the client's stall.
     */
    private static Duration closedAfter(int port, Duration patience) throws IOException, InterruptedException {
        long connected = System.nanoTime();
        try (SocketChannel client = SocketChannel.open()) {
            client.setOption(StandardSocketOptions.SO_RCVBUF, 4096);
            client.connect(new InetSocketAddress("127.0.0.1", port));
            client.write(
                    ByteBuffer.wrap(("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: " + (64 << 20) + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII)));
            client.configureBlocking(false);
            ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);
            long lastProgress = System.nanoTime();
            long deadline = lastProgress + patience.plusSeconds(10).toNanos();
            while (System.nanoTime() < deadline) {
                try {
                    chunk.clear();
                    if (client.write(chunk) > 0) {
                        lastProgress = System.nanoTime();
                    } else if (System.nanoTime() - lastProgress > patience.toNanos()) {
                        return null;
                    }
                } catch (IOException closed) {
                    return Duration.ofNanos(System.nanoTime() - connected);
                }
                Thread.sleep(20);
            }
            return null;
        }
    }
}
