package dev.iolab.plain.endpoints;

import static dev.iolab.plain.endpoints.EchoStreamingTests.body;
import static dev.iolab.plain.endpoints.EchoStreamingTests.chunked;
import static dev.iolab.plain.endpoints.EchoStreamingTests.concat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.contract.Limits;
import dev.iolab.plain.endpoints.HttpConnection.Step;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code PUT /files/{name}} at the state-machine level: the body leaves the input buffer only as {@code WRITE_FILE}
 * steps the transport performs (in pieces, as short writes do), and a failed step is answered like a failed write.
 */
class UploadStepsTests {

    private static final int IN = 16 * 1024;

    @TempDir
    Path dataDir;

    @Test
    void sixteenMebibytesGoThroughWriteStepsOfAtMostOneInputBuffer() throws IOException {
        byte[] body = body(Limits.MAX_ECHO_BYTES, 7);
        Transport t = new Transport(dataDir, put("a.bin", "Content-Length: " + body.length, body));
        t.writePiece = 5000; // short writes: the step comes back until the slice is written
        assertThat(t.run()).isEqualTo(Step.READ);
        assertThat(t.received()).startsWith("HTTP/1.1 201");
        assertThat(Files.readAllBytes(dataDir.resolve("a.bin"))).isEqualTo(body);
        assertThat(t.largestSlice).isLessThanOrEqualTo(IN);
        assertThat(t.steps).isGreaterThan(body.length / IN);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void chunkedUploadsCreateThenReplace() throws IOException {
        byte[] first = body(100_000, 1);
        byte[] second = body(70_000, 2);
        Transport t = new Transport(
                dataDir,
                concat(
                        put("b.bin", "Transfer-Encoding: chunked", chunked(first, 9000)),
                        put("b.bin", "Transfer-Encoding: chunked", chunked(second, 30_000))));
        assertThat(t.run()).isEqualTo(Step.READ);
        assertThat(t.received()).startsWith("HTTP/1.1 201").contains("HTTP/1.1 204");
        assertThat(Files.readAllBytes(dataDir.resolve("b.bin"))).isEqualTo(second);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aFailedWriteStepOnAFullDiskIs507WithNoFileLeft() throws IOException {
        byte[] body = body(200_000, 3);
        Transport t = new Transport(dataDir, put("c.bin", "Content-Length: " + body.length, body));
        t.failAtStep = 3;
        assertThat(t.run()).isEqualTo(Step.CLOSE);
        assertThat(t.received()).startsWith("HTTP/1.1 507");
        assertThat(dataDir.resolve("c.bin")).doesNotExist();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void theModelsOwnHandleIsOpenedPerUploadAndClosedAfterIt() throws IOException {
        AtomicInteger open = new AtomicInteger();
        FileSink.Opener opener = file -> {
            open.incrementAndGet();
            return open::decrementAndGet;
        };
        Transport t = new Transport(dataDir, put("d.bin", "Content-Length: 5", "hello".getBytes()), opener);
        assertThat(t.run()).isEqualTo(Step.READ);
        assertThat(t.companionSeen).isTrue();
        assertThat(open).hasValue(0);
        assertThat(Files.readString(dataDir.resolve("d.bin"))).isEqualTo("hello");
    }

    private Stream<Path> leftovers() throws IOException {
        return Files.list(dataDir).filter(p -> p.getFileName().toString().startsWith(".upload-")).toList().stream();
    }

    static byte[] put(String name, String framing, byte[] body) {
        return concat(
                ("PUT /files/" + name + " HTTP/1.1\r\nHost: x\r\n" + framing + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII),
                body);
    }

    /** A transport in memory that writes upload slices with FileChannel.write, a piece per step. */
    static final class Transport {
        final ServerContext context;
        final HttpConnection http;
        final ByteBuffer in = ByteBuffer.allocate(IN).flip();
        final ByteBuffer out = ByteBuffer.allocate(32 * 1024);
        private final byte[] wire;
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();
        private int fed;
        int writePiece = Integer.MAX_VALUE;
        int failAtStep = -1;
        int steps;
        int largestSlice;
        boolean companionSeen;

        Transport(Path dataDir, byte[] wire) {
            this(dataDir, wire, null);
        }

        /** With {@code opener}, the model's own handle per upload, as aio and uring have (null: none). */
        Transport(Path dataDir, byte[] wire, FileSink.Opener opener) {
            this.context = ServerContext.of("plain-test", dataDir).withFiles(false, opener);
            this.http = new HttpConnection(context);
            this.wire = wire;
        }

        Step run() throws IOException {
            Step pending = Step.READ;
            while (true) {
                out.flip();
                received.write(out.array(), 0, out.limit());
                out.clear();
                switch (pending) {
                    case READ -> {
                        if (fed == wire.length) {
                            return pending;
                        }
                        in.compact();
                        int n = Math.min(in.remaining(), wire.length - fed);
                        in.put(wire, fed, n);
                        fed += n;
                        in.flip();
                    }
                    case WRITE_FILE -> {
                        FileSink sink = http.fileSink();
                        steps++;
                        largestSlice = Math.max(largestSlice, sink.remaining());
                        companionSeen |= sink.companion(AutoCloseable.class) != null;
                        if (steps == failAtStep) {
                            sink.failed(new IOException("No space left on device"));
                        } else {
                            ByteBuffer piece = sink.source();
                            piece.limit(piece.position() + Math.min(writePiece, piece.remaining()));
                            sink.wrote(sink.channel().write(piece, sink.position()));
                        }
                    }
                    case CLOSE -> {
                        return pending;
                    }
                    default -> {}
                }
                pending = http.advance(in, out);
            }
        }

        String received() {
            return received.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
