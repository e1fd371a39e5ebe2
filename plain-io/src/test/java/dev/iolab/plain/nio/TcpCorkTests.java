package dev.iolab.plain.nio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** TCP_CORK is really set (the pom exports sun.nio.ch as the jar's manifest does), and uncorking sends what it held. */
class TcpCorkTests {

    @Test
    void corkIsAvailableWhereTheJarRuns() throws Exception {
        try (Pair pair = Pair.open()) {
            assertThat(TcpCork.set(pair.server, true))
                    .as("setsockopt(TCP_CORK) through FFM")
                    .isTrue();
            assertThat(TcpCork.set(pair.server, false)).isTrue();
        }
    }

    @Test
    void uncorkingSendsTheHeldPartialSegmentAtOnce() throws Exception {
        try (Pair pair = Pair.open()) {
            TcpCork.set(pair.server, true);
            pair.server.write(ByteBuffer.wrap("head".getBytes()));
            TcpCork.set(pair.server, false);
            // Linux releases a forgotten cork after 200 ms: arriving well before shows the uncork pushed it.
            ByteBuffer in = ByteBuffer.allocate(16);
            await().atMost(Duration.ofMillis(150))
                    .pollInterval(Duration.ofMillis(5))
                    .until(() -> pair.client.read(in) >= 0 && in.position() == 4);
        }
    }

    /** A connected loopback pair; the client side non-blocking so the test can poll it. */
    private record Pair(ServerSocketChannel listener, SocketChannel client, SocketChannel server)
            implements AutoCloseable {

        static Pair open() throws Exception {
            ServerSocketChannel listener =
                    ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            SocketChannel client = SocketChannel.open(listener.getLocalAddress());
            client.configureBlocking(false);
            return new Pair(listener, client, listener.accept());
        }

        @Override
        public void close() throws Exception {
            server.close();
            client.close();
            listener.close();
        }
    }
}
