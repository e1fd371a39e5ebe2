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
     * While the whole response still sits unsent in the output buffer it is held back, so that a malformed
     * or oversized body can still be answered with a clean 400 or 413 instead of a cut-off 200.
     */
    static final class EchoExchange extends Exchange {

        /** Room for a chunk-size line and the CRLF after the data. */
        private static final int CHUNK_OVERHEAD = 12;
        private final boolean chunked;
        private boolean continueSent;
        private boolean headWritten;
        private boolean holding;
        private int responseStart;
        private boolean finished;
        private boolean lastChunkWritten;
        private Exchange reply;

        EchoExchange(HttpConnection c) {
            super(c, Endpoints.ECHO);
            this.chunked = c.head().chunked();
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
            if (!headWritten) {
                writeHead(out);
            }
            while (!finished) {
                switch (decoder().next(in)) {
                    case BODY -> {
                        if (chunked && decoder().bodyReceived() + decoder().declaredRemaining() > Limits.MAX_ECHO_BYTES) {
                            // Past the limit: 413 while nothing is sent yet; else cut the response off, never
                            // complete it as if whole.
                            return holding ? reject(413, in, out) : Step.CLOSE;
                        }
                        int room = out.remaining() - (chunked ? CHUNK_OVERHEAD : 0);
                        if (room <= 0) {
                            hold(false); // too big to hold: from now on it streams
                            return Step.WRITE; // backpressure: no more input is consumed until the output drained
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
                        finished = true;
                    }
                    case NEED_MORE -> {
                        return Step.READ;
                    }
                    default -> {
                        return holding ? reject(decoder().errorStatus(), in, out) : Step.CLOSE;
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
            hold(false);
            return null;
        }

        private void writeHead(ByteBuffer out) {
            RequestHead head = head();
            responseStart = out.position();
            hold(true);
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

        private void hold(boolean on) {
            holding = on;
            connection.holdOutput(on);
        }

        /** Takes back the unsent response and answers an error instead, closing the connection. */
        private Step reject(int errorStatus, ByteBuffer in, ByteBuffer out) {
            out.position(responseStart);
            hold(false);
            reply = FixedExchange.status(connection, uri, errorStatus).closing();
            return delegate(reply, in, out);
        }
    }
}
