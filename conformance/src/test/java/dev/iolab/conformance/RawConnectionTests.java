package dev.iolab.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link RawConnection#readUntilSilent}: answers until the peer closes, goes quiet, or enough came. */
class RawConnectionTests {

    private static final String OK = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";

    @Test
    void readsUntilThePeerGoesQuietAndKeepsTheConnectionOpen() throws Exception {
        try (Peer peer = new Peer(OK + OK, false);
                RawConnection connection = RawConnection.open(peer.target(), Duration.ofMillis(300))) {
            List<RawResponse> responses = connection.readUntilSilent(5);
            assertThat(responses).extracting(RawResponse::bodyText).containsExactly("ok", "ok");
            assertThat(connection.closedByPeer()).isFalse();
        }
    }

    @Test
    void stopsAtMaxAndNoticesACloseAndABodyFramedByIt() throws Exception {
        try (Peer peer = new Peer(OK + OK, true);
                RawConnection connection = RawConnection.open(peer.target(), Duration.ofSeconds(10))) {
            assertThat(connection.readUntilSilent(1)).hasSize(1);
            assertThat(connection.closedByPeer()).isFalse();
            assertThat(connection.readUntilSilent(5)).hasSize(1);
            assertThat(connection.closedByPeer()).isTrue();
        }
        try (Peer peer = new Peer("HTTP/1.1 413 Payload Too Large\r\nX-IO-Model: gateway\r\n\r\ntoo big", true);
                RawConnection connection = RawConnection.open(peer.target(), Duration.ofSeconds(10))) {
            List<RawResponse> responses = connection.readUntilSilent(5);
            assertThat(responses).singleElement().satisfies(r -> {
                assertThat(r.status()).isEqualTo(413);
                assertThat(r.bodyText()).isEqualTo("too big");
                assertThat(r.head()).isEqualTo("HTTP/1.1 413 Payload Too Large\nX-IO-Model: gateway\n");
            });
            assertThat(connection.closedByPeer()).isTrue();
        }
    }

    /** One connection's worth of server: writes {@code bytes}, then closes or holds the connection open. */
    private static final class Peer implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        private final CountDownLatch done = new CountDownLatch(1);
        private final Thread thread;

        Peer(String bytes, boolean close) throws IOException {
            thread = Thread.ofPlatform().daemon().start(() -> {
                try (Socket s = server.accept()) {
                    s.getOutputStream().write(bytes.getBytes(StandardCharsets.ISO_8859_1));
                    s.getOutputStream().flush();
                    if (!close) {
                        done.await(30, TimeUnit.SECONDS);
                    }
                } catch (IOException | InterruptedException e) {
                    // the test ended
                }
            });
        }

        TargetUnderTest target() {
            return new UrlTarget("peer", URI.create("http://127.0.0.1:" + server.getLocalPort()));
        }

        @Override
        public void close() throws Exception {
            done.countDown();
            server.close();
            thread.join(5_000);
        }
    }
}
