package dev.iolab.plain.endpoints;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.contract.Limits;
import dev.iolab.plain.endpoints.HttpConnection.Step;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /echo} at the state-machine level (no sockets): the body streams through the connection's
 * fixed buffers, the connection stops asking for input while its output is full, and over-limit or
 * malformed chunked bodies cut a begun response off instead of completing it.
 */
class EchoStreamingTests {

    private static final int IN = 16 * 1024;
    private static final int OUT = 32 * 1024;
    /** What the server may hold of a request at any time: its input and output buffers and the chunked hold. */
    private static final int BOUND = IN + OUT + EchoExchange.HOLD_BYTES;

    @TempDir
    Path dataDir;

    @Test
    void sixteenMebibytesWithContentLengthStopReadingWhenThePeerDoesNotRead() {
        Wire wire =
                new Wire(dataDir, request("Content-Length: " + Limits.MAX_ECHO_BYTES, body(Limits.MAX_ECHO_BYTES, 1)));
        Step step = wire.runWithoutDraining();
        assertThat(step).as("waits for the output to drain").isEqualTo(Step.WRITE);
        assertThat(wire.fed)
                .as("bytes taken from the client before it stopped reading")
                .isLessThanOrEqualTo(BOUND);
        int position = wire.in.position();
        for (int i = 0; i < 3; i++) {
            assertThat(wire.http.advance(wire.in, wire.out)).isEqualTo(Step.WRITE);
        }
        assertThat(wire.in.position())
                .as("no input consumed while the output is full")
                .isEqualTo(position);
    }

    @Test
    void sixteenMebibytesWithContentLengthStreamWithBoundedMemoryToASlowReader() {
        byte[] body = body(Limits.MAX_ECHO_BYTES, 2);
        Wire wire = new Wire(dataDir, request("Content-Length: " + body.length, body));
        assertThat(wire.run(1000)).isEqualTo(Step.READ);
        assertThat(wire.maxHeld)
                .as("request bytes held by the server at any time")
                .isLessThanOrEqualTo(BOUND);
        Response r = Response.parse(wire.received());
        assertThat(r.head)
                .startsWith("HTTP/1.1 200")
                .contains("Content-Length: " + body.length)
                .contains("Content-Type: application/octet-stream")
                .contains("X-IO-Model: plain-test")
                .contains("Date: ");
        assertThat(r.body).isEqualTo(body);
    }

    @Test
    void chunkedBodiesAreEchoedChunkedWithBoundedMemory() {
        for (int size : new int[] {0, 5, EchoExchange.HOLD_BYTES - 1, EchoExchange.HOLD_BYTES + 1, 3 * 1024 * 1024}) {
            byte[] body = body(size, size);
            Wire wire = new Wire(dataDir, request("Transfer-Encoding: chunked", chunked(body, 10_000)));
            assertThat(wire.run(777)).as("size %d", size).isEqualTo(Step.READ);
            assertThat(wire.maxHeld).isLessThanOrEqualTo(BOUND);
            Response r = Response.parse(wire.received());
            assertThat(r.head).startsWith("HTTP/1.1 200").contains("Transfer-Encoding: chunked");
            assertThat(r.complete).as("last chunk of size %d", size).isTrue();
            assertThat(r.body).as("size %d", size).isEqualTo(body);
        }
    }

    @Test
    void chunkedPastTheLimitIsCutOffWithoutTheLastChunk() {
        byte[] body = body((int) Limits.MAX_ECHO_BYTES + 64 * 1024, 3);
        Wire wire = new Wire(dataDir, request("Transfer-Encoding: chunked", chunked(body, 60_000)));
        assertThat(wire.run(100_000)).isEqualTo(Step.CLOSE);
        Response r = Response.parse(wire.received());
        assertThat(r.head).startsWith("HTTP/1.1 200");
        assertThat(r.complete).as("never completed as if whole").isFalse();
        assertThat(r.body.length).isLessThan(body.length);
    }

    @Test
    void malformedChunkAfterTheHeadWentOutClosesWithoutTheLastChunk() {
        byte[] valid = chunked(body(100_000, 4), 20_000);
        byte[] wireBytes = concat(
                request("Transfer-Encoding: chunked", new byte[0]),
                java.util.Arrays.copyOf(valid, valid.length - 5),
                "zz\r\n".getBytes(StandardCharsets.US_ASCII));
        Wire wire = new Wire(dataDir, wireBytes);
        assertThat(wire.run(100_000)).isEqualTo(Step.CLOSE);
        Response r = Response.parse(wire.received());
        assertThat(r.head).startsWith("HTTP/1.1 200");
        assertThat(r.complete).isFalse();
    }

    @Test
    void malformedSmallChunkedBodyStillGetsA400() {
        Wire wire = new Wire(
                dataDir,
                request("Transfer-Encoding: chunked", "3\r\nabc\r\nzz\r\n".getBytes(StandardCharsets.US_ASCII)));
        assertThat(wire.run(100_000)).isEqualTo(Step.CLOSE);
        assertThat(new String(wire.received(), StandardCharsets.ISO_8859_1))
                .startsWith("HTTP/1.1 400")
                .doesNotContain("200");
    }

    @Test
    void pipelinedRequestAfterAStreamedBodyIsAnsweredAfterTheEcho() {
        byte[] body = body(200_000, 5);
        byte[] next = "GET /echo?msg=after HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        Wire wire = new Wire(dataDir, concat(request("Content-Length: " + body.length, body), next));
        assertThat(wire.run(5000)).isEqualTo(Step.READ);
        Response first = Response.parse(wire.received());
        assertThat(first.body).isEqualTo(body);
        assertThat(new String(first.rest, StandardCharsets.ISO_8859_1))
                .startsWith("HTTP/1.1 200")
                .endsWith("\r\n\r\nafter");
    }

    static byte[] request(String framing, byte[] body) {
        return concat(
                ("POST /echo HTTP/1.1\r\nHost: x\r\n" + framing + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII),
                body);
    }

    static byte[] body(long size, long seed) {
        byte[] b = new byte[(int) size];
        new Random(seed).nextBytes(b);
        return b;
    }

    static byte[] chunked(byte[] body, int chunk) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (int i = 0; i < body.length; i += chunk) {
            int n = Math.min(chunk, body.length - i);
            o.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            o.write(body, i, n);
            o.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        o.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return o.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            o.writeBytes(p);
        }
        return o.toByteArray();
    }

    /** A transport in memory, driven like ChannelConnection: flush first, do the pending step only once drained. */
    static final class Wire {
        final HttpConnection http;
        final ByteBuffer in = ByteBuffer.allocate(IN).flip();
        final ByteBuffer out = ByteBuffer.allocate(OUT);
        private final byte[] wire;
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();
        int fed;
        long maxHeld;

        Wire(Path dataDir, byte[] wire) {
            this.http = new HttpConnection(ServerContext.of("plain-test", dataDir));
            this.wire = wire;
        }

        /** Runs until the client has nothing more to send (READ) or the connection closes; drains {@code quota} bytes a round. */
        Step run(int quota) {
            Step pending = Step.READ;
            while (true) {
                if (out.position() > 0) {
                    out.flip();
                    int n = Math.min(quota, out.remaining());
                    received.write(out.array(), out.position(), n);
                    out.position(out.position() + n).compact();
                    if (out.position() > 0) {
                        continue; // not drained: the transport waits for writability and does not read
                    }
                }
                if (pending == Step.CLOSE || pending == Step.READ && fed == wire.length) {
                    return pending;
                }
                if (pending == Step.READ) {
                    feed();
                }
                pending = http.advance(in, out);
                maxHeld = Math.max(maxHeld, fed - received.size());
            }
        }

        /** Feeds input whenever asked and never drains the output. */
        Step runWithoutDraining() {
            Step step;
            while ((step = http.advance(in, out)) == Step.READ && fed < wire.length) {
                feed();
            }
            return step;
        }

        private void feed() {
            in.compact();
            int n = Math.min(in.remaining(), wire.length - fed);
            in.put(wire, fed, n);
            fed += n;
            in.flip();
        }

        byte[] received() {
            return received.toByteArray();
        }
    }

    /** One response parsed from the bytes a client received: head, de-chunked body, completeness, what follows. */
    record Response(String head, byte[] body, boolean complete, byte[] rest) {
        static Response parse(byte[] bytes) {
            String all = new String(bytes, StandardCharsets.ISO_8859_1);
            int end = all.indexOf("\r\n\r\n") + 4;
            String head = all.substring(0, end);
            if (!head.contains("Transfer-Encoding: chunked")) {
                int length = Integer.parseInt(head.replaceAll("(?s).*Content-Length: (\\d+).*", "$1"));
                int n = Math.min(length, bytes.length - end);
                return new Response(
                        head,
                        java.util.Arrays.copyOfRange(bytes, end, end + n),
                        n == length,
                        java.util.Arrays.copyOfRange(bytes, end + n, bytes.length));
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            int p = end;
            while (true) {
                int line = all.indexOf("\r\n", p);
                if (line < 0) {
                    return new Response(head, body.toByteArray(), false, new byte[0]);
                }
                int size = Integer.parseInt(all.substring(p, line), 16);
                if (size == 0) {
                    boolean complete = all.startsWith("\r\n", line + 2);
                    return new Response(
                            head,
                            body.toByteArray(),
                            complete,
                            java.util.Arrays.copyOfRange(bytes, Math.min(bytes.length, line + 4), bytes.length));
                }
                int n = Math.min(size, bytes.length - line - 2);
                body.write(bytes, line + 2, n);
                if (n < size) {
                    return new Response(head, body.toByteArray(), false, new byte[0]);
                }
                p = line + 2 + size + 2;
            }
        }
    }
}
