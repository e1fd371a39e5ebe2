package dev.iolab.plain.endpoints;

import dev.iolab.contract.Endpoints;
import dev.iolab.contract.Limits;
import dev.iolab.contract.MediaTypes;
import dev.iolab.plain.endpoints.HttpConnection.Step;
import dev.iolab.plain.http.RequestHead;
import dev.iolab.plain.http.ResponseWriter;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

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
     * Reads the whole request body into memory bounded by {@link Limits#MAX_ECHO_BYTES}, then answers it.
     * Why not stream it back while it arrives: common clients (the JDK HttpClient among them) do not read a
     * response before they have sent the whole request, so an echo that stopped reading once its output
     * could not drain would deadlock with them past the socket buffers. Buffering up to the limit also means
     * a malformed or oversized chunked body still gets a clean 400 or 413, never a cut-off 200.
     */
    static final class EchoExchange extends Exchange {

        private static final int MIN_PIECE = 4 * 1024;
        private final List<ByteBuffer> pieces = new ArrayList<>();
        private long buffered;
        private boolean continueSent;
        private boolean bodyRead;
        private boolean headWritten;
        private int sending;
        private Exchange reply;

        EchoExchange(HttpConnection c) {
            super(c, Endpoints.ECHO);
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
            while (!bodyRead) {
                switch (decoder().next(in)) {
                    case BODY -> {
                        if (decoder().bodyReceived() + decoder().declaredRemaining() > Limits.MAX_ECHO_BYTES) {
                            return reject(413, in, out); // a chunked body past the limit: nothing was sent yet
                        }
                        buffered += decoder().readBody(in, piece());
                    }
                    case END -> {
                        requestComplete = true;
                        bodyRead = true;
                        pieces.forEach(ByteBuffer::flip); // from filling to sending
                    }
                    case NEED_MORE -> {
                        return Step.READ;
                    }
                    default -> {
                        return reject(decoder().errorStatus(), in, out);
                    }
                }
            }
            if (!headWritten) {
                headWritten = true;
                beginHead(out, 200);
                String type = head().header(RequestHead.CONTENT_TYPE);
                ResponseWriter.field(out, "Content-Type", type == null ? MediaTypes.OCTET_STREAM : type);
                ResponseWriter.contentLength(out, buffered);
                ResponseWriter.end(out);
            }
            // Hand the pieces to the transport as fast as it drains the output buffer.
            while (sending < pieces.size()) {
                ByteBuffer piece = pieces.get(sending);
                int n = Math.min(out.remaining(), piece.remaining());
                out.put(out.position(), piece, piece.position(), n);
                out.position(out.position() + n);
                piece.position(piece.position() + n);
                if (piece.hasRemaining()) {
                    return Step.WRITE;
                }
                pieces.set(sending++, null); // let it go as soon as it is sent
            }
            return null;
        }

        /** The piece the next body bytes go into (pieces fill in write mode), sized to what is announced. */
        private ByteBuffer piece() {
            ByteBuffer last = pieces.isEmpty() ? null : pieces.getLast();
            if (last != null && last.hasRemaining()) {
                return last;
            }
            long announced = Math.max(MIN_PIECE, decoder().declaredRemaining());
            ByteBuffer fresh = ByteBuffer.allocate((int) Math.min(Limits.STREAM_BUFFER_BYTES, announced));
            pieces.add(fresh);
            return fresh;
        }

        /** Drops what was buffered and answers an error instead, closing the connection. */
        private Step reject(int errorStatus, ByteBuffer in, ByteBuffer out) {
            pieces.clear();
            reply = FixedExchange.status(connection, uri, errorStatus).closing();
            return delegate(reply, in, out);
        }

        @Override
        void release() {
            pieces.clear();
        }
    }
}
