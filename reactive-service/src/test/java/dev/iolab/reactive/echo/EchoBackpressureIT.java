package dev.iolab.reactive.echo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.iolab.conformance.RawResponse;
import dev.iolab.conformance.ResponseReader;
import dev.iolab.conformance.tools.TcpTable;
import dev.iolab.contract.Endpoints;
import dev.iolab.contract.Limits;
import dev.iolab.contract.Target;
import dev.iolab.reactive.ServiceProcess;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * POST /echo keeps memory per request bounded: a client that sends a 16 MiB body without reading the echo is
 * stalled by TCP flow control once the server stops reading (its writes cannot drain), and what the server process
 * then holds (accepted bytes minus the kernel's socket queues) stays small; once the client reads, the exchange
 * completes byte for byte.
 */
class EchoBackpressureIT {

    private static final long SIZE = Limits.MAX_ECHO_BYTES;

    /**
     * What the server process may hold of one echo: Reactor Netty's send prefetch (128 chunks of at most 8 KiB),
     * one read's worth and the outbound buffer up to its high-water mark, about 1.2 MiB; twice that for margin.
     * An echo that kept reading would hold all that the kernel's socket buffers do not, up to 16 MiB.
     */
    private static final long MAX_HELD_BY_SERVER = 3L * 1024 * 1024;

    /** No progress for this long means the send has stalled. */
    private static final Duration STALL = Duration.ofSeconds(2);

    @ParameterizedTest
    @EnumSource(
            value = Target.class,
            names = {"WEBFLUX_EPOLL", "WEBFLUX_IOURING"})
    void clientThatDoesNotReadIsStalledThenCompletesWhenItReads(
            Target target, @TempDir Path work, TestReporter reporter) throws Exception {
        try (ServiceProcess service = ServiceProcess.launch(target, work).awaitReady();
                SocketChannel channel = SocketChannel.open()) {
            // small client buffers: the send stalls sooner, and fewer bytes sit on the client side
            channel.setOption(StandardSocketOptions.SO_RCVBUF, 64 * 1024);
            channel.setOption(StandardSocketOptions.SO_SNDBUF, 64 * 1024);
            channel.connect(new InetSocketAddress("127.0.0.1", service.port()));
            channel.configureBlocking(false);
            Sender sender = new Sender(
                    channel,
                    ("POST " + Endpoints.ECHO + " HTTP/1.1\r\nHost: 127.0.0.1:"
                                    + service.port() + "\r\nContent-Type: application/octet-stream\r\nContent-Length: "
                                    + SIZE
                                    + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));

            await("send stalls without reading")
                    .atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        sender.writeWhatFits();
                        return sender.stalledFor().compareTo(STALL) >= 0 || sender.done();
                    });
            long accepted = sender.bodyWritten();
            // the socket buffers (kernel-tuned, several MiB on loopback) hold part of what was accepted; the rest
            // is in the server process: the request's bytes not yet in the kernel's queues of either direction
            int clientPort = ((InetSocketAddress) channel.getLocalAddress()).getPort();
            long inKernel = kernelQueuedBytes(service.port(), clientPort);
            long heldByServer = accepted - inKernel;
            reporter.publishEntry(
                    "stall",
                    accepted + " body bytes accepted, " + inKernel + " in socket queues, " + heldByServer
                            + " held by the server");
            assertThat(sender.done())
                    .as("the whole body was accepted without reading the echo")
                    .isFalse();
            assertThat(heldByServer)
                    .as(
                            "bytes held by the server when the send stalled (%d accepted, %d in socket" + " queues)",
                            accepted, inKernel)
                    .isLessThan(MAX_HELD_BY_SERVER);

            // now read while writing: the server resumes and the echo completes byte for byte; the rest of the body
            // goes out on its own thread (blocking now) while the shared reader takes the response apart
            channel.configureBlocking(true);
            channel.socket().setSoTimeout(120_000);
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    sender.writeWhatFits();
                } catch (IOException e) {
                    sender.failure = e;
                }
            });
            Comparing body = new Comparing();
            RawResponse response =
                    new ResponseReader(new BufferedInputStream(channel.socket().getInputStream())).read(false, body);
            writer.join(Duration.ofSeconds(30));
            assertThat(sender.failure).as("writing the rest of the body").isNull();
            assertThat(response.status()).as(response.describe()).isEqualTo(200);
            assertThat(response.header("Content-Length"))
                    .as(response.describe())
                    .hasValue(Long.toString(SIZE));
            assertThat(response.complete()).as(response.describe()).isTrue();
            assertThat(response.bodyLength()).isEqualTo(SIZE);
            assertThat(body.mismatches).as("bytes differing from what was sent").isZero();
        }
    }

    /**
     * Bytes queued in the kernel for the loopback connection between the two ports, both ends and both directions:
     * send and receive queues from {@code /proc/net/tcp} and {@code tcp6} ({@code tx_queue:rx_queue}, hex).
     */
    private static long kernelQueuedBytes(int serverPort, int clientPort) {
        List<TcpTable.Row> ends = TcpTable.rows().stream()
                .filter(r -> r.localPort() == serverPort && r.remotePort() == clientPort
                        || r.localPort() == clientPort && r.remotePort() == serverPort)
                .toList();
        assertThat(ends).as("both ends of the connection in /proc/net/tcp*").hasSize(2);
        return ends.stream().mapToLong(r -> r.txQueue() + r.rxQueue()).sum();
    }

    /** The body byte at {@code offset}: a pattern that shifts every 251 bytes, so misplaced bytes show. */
    private static byte bodyByte(long offset) {
        return (byte) (offset % 251 + offset / 65_536);
    }

    /** Writes the request head then the body, non-blocking, remembering when it last made progress. */
    private static final class Sender {
        private final SocketChannel channel;
        private final ByteBuffer head;
        private final ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);
        private long bodyWritten;
        private long lastProgress = System.nanoTime();
        /** Why writing the rest of the body failed, once the test reads and writes on two threads. */
        private volatile IOException failure;

        Sender(SocketChannel channel, byte[] head) {
            this.channel = channel;
            this.head = ByteBuffer.wrap(head);
            chunk.limit(0);
        }

        void writeWhatFits() throws IOException {
            while (head.hasRemaining()) {
                if (channel.write(head) == 0) {
                    return;
                }
                lastProgress = System.nanoTime();
            }
            while (!done()) {
                if (!chunk.hasRemaining()) {
                    fill();
                }
                int written = channel.write(chunk);
                if (written == 0) {
                    return;
                }
                bodyWritten += written;
                lastProgress = System.nanoTime();
            }
        }

        private void fill() {
            long start = bodyWritten;
            int length = (int) Math.min(chunk.capacity(), SIZE - start);
            chunk.clear();
            for (int i = 0; i < length; i++) {
                chunk.put(bodyByte(start + i));
            }
            chunk.flip();
        }

        boolean done() {
            return bodyWritten >= SIZE;
        }

        long bodyWritten() {
            return bodyWritten;
        }

        Duration stalledFor() {
            return Duration.ofNanos(System.nanoTime() - lastProgress);
        }
    }

    /** The echoed body, compared byte by byte with what was sent instead of kept. */
    private static final class Comparing extends OutputStream {
        private long offset;
        private long mismatches;

        @Override
        public void write(int b) {
            if ((byte) b != bodyByte(offset++)) {
                mismatches++;
            }
        }
    }
}
