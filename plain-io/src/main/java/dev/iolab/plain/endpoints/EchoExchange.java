package dev.iolab.plain.endpoints;

import dev.iolab.contract.Endpoints;
import dev.iolab.contract.Limits;
import dev.iolab.contract.MediaTypes;
import dev.iolab.plain.endpoints.HttpConnection.Step;
import dev.iolab.plain.http.RequestHead;
import dev.iolab.plain.http.ResponseWriter;
import java.nio.ByteBuffer;

/**
 * {@code POST /echo} streamed: request body bytes are copied into the connection's fixed output buffer as
 * they arrive, and when that buffer is full the exchange stops consuming input ({@code WRITE}) until the
 * transport has drained it: backpressure, so the memory per request is the connection's buffers whatever
 * the body size. A client must therefore read while it writes (curl does); one that sends the whole request
 * before reading stalls once the socket buffers are full, as with every streaming target.
 *
 * <p>Content-Length: the head goes out at once with the same length. Chunked (RFC 9112 §7.1): each decoded
 * slice goes out as a chunk; the first {@link #HOLD_BYTES} are held back before the head is written, so a
 * small malformed or oversized body still gets a clean 400 or 413. Once the head is out, such a body can
 * only cut the response off: the connection closes without the last chunk, never completing it as if whole.
 */
final class EchoExchange extends Exchange {

    /** Chunked body bytes held before the response head is committed (a per-connection buffer). */
    static final int HOLD_BYTES = 8 * 1024;
    /** Room for a chunk-size line and the CRLF after the data. */
    private static final int CHUNK_OVERHEAD = 12;
    /** Room for the head besides the echoed Content-Type value. */
    private static final int HEAD_BYTES = 256;

    private final boolean chunked;
    private final String contentType;
    private final ByteBuffer hold;
    private boolean continueSent;
    private boolean headWritten;
    private boolean bodyRead;
    private Exchange reply;

    EchoExchange(HttpConnection c) {
        super(c, Endpoints.ECHO);
        RequestHead head = c.head();
        this.chunked = head.chunked();
        String type = head.header(RequestHead.CONTENT_TYPE);
        this.contentType = type == null ? MediaTypes.OCTET_STREAM : type;
        this.hold = chunked ? c.holdBuffer(HOLD_BYTES) : null;
    }

    @Override
    Step advance(ByteBuffer in, ByteBuffer out) {
        if (reply != null) {
            return delegate(reply, in, out);
        }
        if (head().expectContinue() && !continueSent) {
            continueSent = true;
            ResponseWriter.interimContinue(out);
            return Step.WRITE; // the client sends the body only once it has seen this
        }
        if (!chunked && !headWritten) {
            if (out.remaining() < HEAD_BYTES + contentType.length()) {
                return Step.WRITE;
            }
            writeHead(out);
        }
        while (!bodyRead) {
            if (chunked && !headWritten && !hold.hasRemaining() && !commit(out)) {
                return Step.WRITE; // the held bytes wait for room behind earlier (pipelined) responses
            }
            switch (decoder().next(in)) {
                case BODY -> {
                    if (decoder().bodyReceived() + decoder().declaredRemaining() > Limits.MAX_ECHO_BYTES) {
                        return headWritten ? Step.CLOSE : reject(413, in, out); // chunked past the limit
                    }
                    if (!headWritten) {
                        decoder().readBody(in, hold);
                        continue;
                    }
                    int room = out.remaining() - (chunked ? CHUNK_OVERHEAD : 0);
                    if (room <= 0) {
                        return Step.WRITE; // backpressure: no input is consumed until the output drained
                    }
                    int n = Math.min(room, decoder().bodyAvailable());
                    if (chunked) {
                        ResponseWriter.chunkStart(out, n);
                    }
                    decoder().readBody(in, out, n);
                    if (chunked) {
                        ResponseWriter.chunkEnd(out);
                    }
                }
                case END -> {
                    requestComplete = true;
                    bodyRead = true;
                }
                case NEED_MORE -> {
                    return Step.READ;
                }
                default -> {
                    // Malformed chunked body: a clean error while nothing is sent, else cut the response off.
                    return headWritten ? Step.CLOSE : reject(decoder().errorStatus(), in, out);
                }
            }
        }
        if (chunked) {
            if (!headWritten && !commit(out)) {
                return Step.WRITE;
            }
            if (out.remaining() < 5) {
                return Step.WRITE;
            }
            ResponseWriter.lastChunk(out);
        }
        return null;
    }

    /** Writes the head and the held bytes as the first chunk, when the output buffer has room for both. */
    private boolean commit(ByteBuffer out) {
        if (out.remaining() < HEAD_BYTES + contentType.length() + hold.position() + CHUNK_OVERHEAD) {
            return false;
        }
        writeHead(out);
        if (hold.position() > 0) {
            hold.flip();
            ResponseWriter.chunkStart(out, hold.remaining());
            out.put(hold);
            ResponseWriter.chunkEnd(out);
        }
        hold.clear();
        return true;
    }

    private void writeHead(ByteBuffer out) {
        beginHead(out, 200);
        ResponseWriter.field(out, "Content-Type", contentType);
        if (chunked) {
            ResponseWriter.chunked(out);
        } else {
            ResponseWriter.contentLength(out, Math.max(0, head().contentLength()));
        }
        ResponseWriter.end(out);
        headWritten = true;
    }

    /** Drops the held bytes and answers an error instead (nothing of the 200 was written), closing the connection. */
    private Step reject(int errorStatus, ByteBuffer in, ByteBuffer out) {
        release();
        reply = FixedExchange.status(connection, uri, errorStatus).closing();
        return delegate(reply, in, out);
    }

    @Override
    void release() {
        if (hold != null) {
            hold.clear();
        }
    }
}
