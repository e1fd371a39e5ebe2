package dev.iolab.plain.endpoints;

import dev.iolab.contract.Limits;
import dev.iolab.plain.endpoints.HttpConnection.Step;
import dev.iolab.plain.http.HttpRequestDecoder;
import dev.iolab.plain.http.RequestHead;
import dev.iolab.plain.http.ResponseWriter;
import java.nio.ByteBuffer;

/**
 * One request and its response on a connection, driven step by step: it writes into the output buffer,
 * consumes the request body from the input buffer, and tells the transport what it waits for.
 */
abstract class Exchange {

    /** How much of an unwanted request body is read and dropped before the connection is just closed. */
    private static final long DRAIN_LIMIT = 2 * Limits.MAX_UPLOAD_BYTES;

    final HttpConnection connection;
    final String method;
    final String uri;
    int status;
    boolean keepAlive;
    /** The request body has been read to its end (the decoder reported END). */
    boolean requestComplete;

    Exchange(HttpConnection connection, String uri) {
        this.connection = connection;
        this.method = connection.head().method();
        this.uri = uri;
        this.keepAlive = connection.head().keepAlive() && !connection.context().draining();
    }

    /** Moves on; returns what the transport must do first, or null once request and response are complete. */
    abstract Step advance(ByteBuffer in, ByteBuffer out);

    /** Frees what the exchange holds (open files, temporary files); called once, also on abort. */
    void release() {}

    RequestHead head() {
        return connection.head();
    }

    HttpRequestDecoder decoder() {
        return connection.decoder();
    }

    ServerContext context() {
        return connection.context();
    }

    /** Writes status line, Date, X-IO-Model and (when the connection ends) Connection: close. */
    void beginHead(ByteBuffer out, int status) {
        this.status = status;
        ResponseWriter.begin(out, status, context().fixedFields());
        if (!keepAlive) {
            ResponseWriter.connectionClose(out);
        }
    }

    /**
     * Consumes whatever is left of the request body, so the next pipelined request starts at the right byte.
     * Returns READ while bytes are missing, null at the end of the message.
     */
    Step drainRequest(ByteBuffer in) {
        while (!requestComplete) {
            HttpRequestDecoder.Event event = decoder().next(in);
            if (decoder().bodyReceived() + decoder().declaredRemaining() > DRAIN_LIMIT) {
                keepAlive = false; // an absurd announced size: not worth reading, just close
                return null;
            }
            switch (event) {
                case BODY -> {
                    decoder().skipBody(in);
                    if (decoder().bodyReceived() > DRAIN_LIMIT) {
                        keepAlive = false; // not worth reading further: close
                        return null;
                    }
                }
                case END -> requestComplete = true;
                case NEED_MORE -> {
                    return Step.READ;
                }
                default -> {
                    keepAlive = false; // malformed body after the response was written: just close
                    return null;
                }
            }
        }
        return null;
    }

    /** Hands the rest of the exchange to another one (e.g. the final answer of an upload) and reports its status. */
    Step delegate(Exchange next, ByteBuffer in, ByteBuffer out) {
        next.requestComplete = requestComplete;
        next.keepAlive &= keepAlive;
        Step step = next.advance(in, out);
        status = next.status;
        keepAlive = next.keepAlive;
        return step;
    }
}
