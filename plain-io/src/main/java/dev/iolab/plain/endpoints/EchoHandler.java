package dev.iolab.plain.endpoints;

import dev.iolab.contract.Endpoints;
import dev.iolab.contract.Limits;
import dev.iolab.contract.MediaTypes;
import dev.iolab.plain.endpoints.HttpConnection.Step;
import dev.iolab.plain.http.RequestHead;
import dev.iolab.plain.http.ResponseWriter;
import java.nio.ByteBuffer;

/** {@code GET /echo?msg=} answers the decoded text; {@code POST /echo} streams the body back as it arrives. */
final class EchoHandler {

    private EchoHandler() {
    }

    static Exchange get(HttpConnection c, String query) {
        String raw = PercentDecoding.rawParam(query, Endpoints.ECHO_PARAM);
        String text = raw == null ? "" : PercentDecoding.decode(raw, true);
        if (text == null) {
            return FixedExchange.status(c, Endpoints.ECHO, 400);
        }
        return FixedExchange.text(c, Endpoints.ECHO, 200, MediaTypes.TEXT_PLAIN_UTF8, text);
    }

    static Exchange post(HttpConnection c) {
        if (c.head().contentLength() > Limits.MAX_ECHO_BYTES) {
            return FixedExchange.status(c, Endpoints.ECHO, 413).closing(); // known up front: refuse, never read it
        }
        return new EchoExchange(c);
    }

    /**
     * Copies request body bytes into the response as they arrive, through the connection's fixed buffers:
     * when the output buffer is full the exchange stops reading (backpressure) until the transport drained it.
     */
    static final class EchoExchange extends Exchange {

        /** Room for a chunk-size line and the CRLF after the data. */
        private static final int CHUNK_OVERHEAD = 12;
        private final boolean chunked;
        private boolean headWritten;
        private boolean finished;
        private boolean lastChunkWritten;

        EchoExchange(HttpConnection c) {
            super(c, Endpoints.ECHO);
            this.chunked = c.head().chunked();
        }

        @Override
        Step advance(ByteBuffer in, ByteBuffer out) {
            if (!headWritten) {
                RequestHead head = head();
                if (head.expectContinue()) {
                    ResponseWriter.interimContinue(out);
                }
                beginHead(out, 200);
                String type = head.header(RequestHead.CONTENT_TYPE);
                ResponseWriter.field(out, "Content-Type", type == null ? MediaTypes.OCTET_STREAM : type);
                if (chunked) {
                    ResponseWriter.chunked(out);
                } else {
                    ResponseWriter.contentLength(out, Math.max(0, head.contentLength()));
                }
                ResponseWriter.end(out);
                headWritten = true;
            }
            while (!finished) {
                switch (decoder().next(in)) {
                    case BODY -> {
                        int available = decoder().bodyAvailable();
                        if (chunked && decoder().bodyReceived() + available > Limits.MAX_ECHO_BYTES) {
                            // Past the limit after the response began: cut it off, never complete it as if whole.
                            return Step.CLOSE;
                        }
                        int room = out.remaining() - (chunked ? CHUNK_OVERHEAD : 0);
                        if (room <= 0) {
                            return Step.WRITE; // backpressure: stop consuming input until the output drained
                        }
                        int n = Math.min(room, available);
                        if (chunked) {
                            ResponseWriter.chunkStart(out, n);
                        }
                        decoder().readBody(in, out, n);
                        if (chunked) {
                            ResponseWriter.chunkEnd(out);
                        }
                    }
                    case END -> finished = true;
                    case NEED_MORE -> {
                        return Step.READ;
                    }
                    default -> {
                        return Step.CLOSE; // malformed body mid-response: abort
                    }
                }
            }
            if (chunked && !lastChunkWritten) {
                if (out.remaining() < 5) {
                    return Step.WRITE;
                }
                ResponseWriter.lastChunk(out);
                lastChunkWritten = true;
            }
            return null;
        }
    }
}
