package dev.iolab.plain.endpoints;

import dev.iolab.plain.endpoints.HttpConnection.Step;
import dev.iolab.plain.http.HttpStatus;
import dev.iolab.plain.http.ResponseWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** A response whose body is known up front (echo text, health, metrics, errors): written from a byte array. */
final class FixedExchange extends Exchange {

    private static final byte[] EMPTY = new byte[0];

    private final int responseStatus;
    private final String contentType;
    private final String[] fields;
    private final byte[] body;
    private boolean headWritten;
    private int offset;
    private boolean bodyWillCome = true;

    FixedExchange(
            HttpConnection connection, String uri, int status, String contentType, byte[] body, String... fields) {
        super(connection, uri);
        this.responseStatus = status;
        this.contentType = contentType;
        this.body = body == null ? EMPTY : body;
        this.fields = fields;
        // A body the client only sends after 100 Continue will not come: close instead of waiting for it.
        if (head().expectContinue() && head().hasBody()) {
            keepAlive = false;
            bodyWillCome = false;
        }
    }

    static FixedExchange text(HttpConnection c, String uri, int status, String type, String text, String... fields) {
        return new FixedExchange(c, uri, status, type, text.getBytes(StandardCharsets.UTF_8), fields);
    }

    /** An error or empty answer: the status and its reason as plain text. */
    static FixedExchange status(HttpConnection c, String uri, int status, String... fields) {
        return new FixedExchange(
                c,
                uri,
                status,
                "text/plain",
                HttpStatus.allowsContent(status) ? (status + "\n").getBytes(StandardCharsets.US_ASCII) : EMPTY,
                fields);
    }

    /** Forces Connection: close on this response. */
    FixedExchange closing() {
        keepAlive = false;
        return this;
    }

    @Override
    Step advance(ByteBuffer in, ByteBuffer out) {
        if (!headWritten) {
            beginHead(out, responseStatus);
            if (contentType != null && HttpStatus.allowsContent(responseStatus)) {
                ResponseWriter.field(out, "Content-Type", contentType);
            }
            for (int i = 0; i + 1 < fields.length; i += 2) {
                ResponseWriter.field(out, fields[i], fields[i + 1]);
            }
            if (responseStatus != 304 && responseStatus != 204) {
                ResponseWriter.contentLength(out, body.length);
            }
            ResponseWriter.end(out);
            headWritten = true;
            if (head().is("HEAD") || !HttpStatus.allowsContent(responseStatus)) {
                offset = body.length;
            }
        }
        while (offset < body.length) {
            int n = Math.min(out.remaining(), body.length - offset);
            if (n == 0) {
                return Step.WRITE;
            }
            out.put(body, offset, n);
            offset += n;
        }
        // Read the rest of the request body even when closing: closing with unread input makes the kernel
        // send RST, and the client could lose this response (the "lingering close" problem).
        return bodyWillCome ? drainRequest(in) : null;
    }
}
