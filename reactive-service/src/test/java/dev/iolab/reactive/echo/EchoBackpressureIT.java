package dev.iolab.reactive.echo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.iolab.contract.Endpoints;
import dev.iolab.contract.Limits;
import dev.iolab.contract.Target;
import dev.iolab.reactive.ServiceProcess;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * POST /echo keeps memory per request bounded: a client that sends a 16 MiB body without reading the echo is
 * stalled by TCP flow control once the server stops reading (its writes cannot drain), long before the server has
 * taken the whole body; once the client reads, the exchange completes byte for byte.
 */
class EchoBackpressureIT {

    private static final long SIZE = Limits.MAX_ECHO_BYTES;

    /**
     * What may be in flight when the send stalls: the socket buffers on both sides (the server's, tuned by the
     * kernel, reach a few MiB on loopback; the client's are pinned small below) plus the server's bounded
     * in-flight buffers. An echo that kept reading would take all 16 MiB.
     */
    private static final long MAX_ACCEPTED_WITHOUT_READING = 10L * 1024 * 1024;

    /** No progress for this long means the send has stalled. */
    private static final Duration STALL = Duration.ofSeconds(2);

    @ParameterizedTest
    @EnumSource(value = Target.class, names = {"WEBFLUX_EPOLL", "WEBFLUX_IOURING"})
    void clientThatDoesNotReadIsStalledThenCompletesWhenItReads(Target target, @TempDir Path work) throws Exception {
        try (ServiceProcess service = ServiceProcess.launch(target, work).awaitReady();
                SocketChannel channel = SocketChannel.open()) {
            // small client buffers, so what is accepted is mostly what the server side holds
            channel.setOption(StandardSocketOptions.SO_RCVBUF, 64 * 1024);
            channel.setOption(StandardSocketOptions.SO_SNDBUF, 64 * 1024);
            channel.connect(new InetSocketAddress("127.0.0.1", service.port()));
            channel.configureBlocking(false);
            Sender sender = new Sender(channel, ("POST " + Endpoints.ECHO + " HTTP/1.1\r\nHost: 127.0.0.1:"
                    + service.port() + "\r\nContent-Type: application/octet-stream\r\nContent-Length: " + SIZE
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));

            await("send stalls without reading").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        sender.writeWhatFits();
                        return sender.stalledFor().compareTo(STALL) >= 0 || sender.done();
                    });
            long accepted = sender.bodyWritten();
            assertThat(sender.done()).as("the whole body was accepted without reading the echo").isFalse();
            assertThat(accepted).as("body bytes accepted before the send stalled")
                    .isPositive().isLessThan(MAX_ACCEPTED_WITHOUT_READING);

            // now read while writing: the server resumes and the echo completes byte for byte
            Receiver receiver = new Receiver(channel);
            await("echo completes once the client reads").atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(10)).until(() -> {
                        sender.writeWhatFits();
                        receiver.readWhatArrived();
                        return receiver.bodyRead() >= SIZE;
                    });
            assertThat(receiver.head()).startsWith("HTTP/1.1 200").containsIgnoringCase("content-length: " + SIZE);
            assertThat(receiver.bodyRead()).isEqualTo(SIZE);
            assertThat(receiver.mismatches()).as("bytes differing from what was sent").isZero();
        }
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

    /** Reads the response head, then counts body bytes and compares them with what was sent. */
    private static final class Receiver {
        private final SocketChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        private final StringBuilder head = new StringBuilder();
        private boolean headDone;
        private long bodyRead;
        private long mismatches;

        Receiver(SocketChannel channel) {
            this.channel = channel;
        }

        void readWhatArrived() throws IOException {
            int read;
            while ((read = channel.read(buffer.clear())) > 0) {
                buffer.flip();
                while (!headDone && buffer.hasRemaining()) {
                    head.append((char) (buffer.get() & 0xFF));
                    headDone = head.toString().endsWith("\r\n\r\n");
                }
                while (buffer.hasRemaining()) {
                    if (buffer.get() != bodyByte(bodyRead)) {
                        mismatches++;
                    }
                    bodyRead++;
                }
            }
            if (read < 0) {
                throw new IOException("connection closed after " + bodyRead + " body bytes, head: " + head);
            }
        }

        String head() {
            return head.toString();
        }

        long bodyRead() {
            return bodyRead;
        }

        long mismatches() {
            return mismatches;
        }
    }
}
