package dev.iolab.plain.http;

import java.nio.ByteBuffer;

/**
 * An incremental, strict HTTP/1.1 request decoder (RFC 9112): a byte-level state machine that can be fed
 * any split of the input, one byte at a time included, and that streams bodies instead of collecting them.
 * The head goes through {@link RequestLineParser} and {@link HeaderFieldParser}, a chunked body through
 * {@link ChunkedBodyDecoder}.
 *
 * <p>Usage: call {@link #next} with the bytes read so far. {@code HEAD}: {@link #head()} is ready.
 * {@code BODY}: body bytes start at {@code in.position()}; take them with {@link #readBody} or
 * {@link #bodyAvailable}/{@link #bodyConsumed}. {@code END}: the message is complete and the next call
 * starts the next (pipelined) request. {@code NEED_MORE}: every byte was consumed, read more.
 * {@code ERROR}: answer {@link #errorStatus()} and close.
 */
public final class HttpRequestDecoder {

    public enum Event {
        NEED_MORE,
        HEAD,
        BODY,
        END,
        ERROR
    }

    // Head states: the request line, then the header section.
    private static final int HEAD_LINE = 0, HEAD_FIELDS = 1;
    // Body states.
    private static final int NO_BODY = 20, FIXED_BODY = 21, CHUNKED_BODY = 22, DONE = 23, ERROR = 24;

    private final RequestHead head = new RequestHead();
    private final HeadRules rules = new HeadRules();
    private final RequestLineParser requestLine = new RequestLineParser(head);
    private final HeaderFieldParser fields = new HeaderFieldParser(head, rules);
    private final ChunkedBodyDecoder chunks = new ChunkedBodyDecoder();
    private int state = HEAD_LINE;
    private long bodyRemaining;
    private long bodyReceived;
    private int available;
    private int errorStatus;
    private boolean started;

    public RequestHead head() {
        return head;
    }

    /** The status to answer after {@code ERROR}: 400, 414, 431, 501 or 505. */
    public int errorStatus() {
        return errorStatus;
    }

    /** True when no byte of the next request has arrived yet (the connection is idle between requests). */
    public boolean idle() {
        return !started;
    }

    /** True while the request head is still arriving (the slowloris timeout applies). */
    public boolean readingHead() {
        return started && state < NO_BODY;
    }

    /** Body bytes announced but not received yet: the rest of a Content-Length body, or of the current chunk. */
    public long declaredRemaining() {
        return switch (state) {
            case FIXED_BODY -> bodyRemaining;
            case CHUNKED_BODY -> chunks.dataRemaining();
            default -> 0;
        };
    }

    /** Body bytes received so far for the current request. */
    public long bodyReceived() {
        return bodyReceived;
    }

    public Event next(ByteBuffer in) {
        if (state == DONE) {
            reset();
        }
        if (state == ERROR) {
            return Event.ERROR;
        }
        if (state < NO_BODY) {
            return parseHead(in);
        }
        return switch (state) {
            case NO_BODY -> done();
            case FIXED_BODY -> {
                if (bodyRemaining == 0) {
                    yield done();
                }
                available = (int) Math.min(in.remaining(), bodyRemaining);
                yield available == 0 ? Event.NEED_MORE : Event.BODY;
            }
            case CHUNKED_BODY ->
                switch (chunks.parse(in)) {
                    case ChunkedBodyDecoder.DATA -> {
                        available = (int) Math.min(in.remaining(), chunks.dataRemaining());
                        yield available == 0 ? Event.NEED_MORE : Event.BODY; // a BODY event always carries bytes
                    }
                    case ChunkedBodyDecoder.COMPLETE -> done();
                    case ChunkedBodyDecoder.NEED_MORE -> Event.NEED_MORE;
                    default -> fail(in, in.position(), 400);
                };
            default -> throw new IllegalStateException("state " + state);
        };
    }

    /** How many body bytes start at {@code in.position()} after a {@code BODY} event. */
    public int bodyAvailable() {
        return available;
    }

    /** Tells the decoder that the caller advanced {@code in} by {@code n <= bodyAvailable()} body bytes. */
    public void bodyConsumed(int n) {
        available -= n;
        bodyReceived += n;
        if (state == FIXED_BODY) {
            bodyRemaining -= n;
        } else {
            chunks.consumed(n);
        }
    }

    /** Copies as many body bytes as fit from {@code in} to {@code dst}; returns how many. */
    public int readBody(ByteBuffer in, ByteBuffer dst) {
        return readBody(in, dst, Integer.MAX_VALUE);
    }

    /** Copies at most {@code max} body bytes from {@code in} to {@code dst}; returns how many. */
    public int readBody(ByteBuffer in, ByteBuffer dst, int max) {
        int n = Math.min(Math.min(available, dst.remaining()), max);
        dst.put(dst.position(), in, in.position(), n);
        dst.position(dst.position() + n);
        in.position(in.position() + n);
        bodyConsumed(n);
        return n;
    }

    /** Drops the available body bytes (a body nobody reads must still be consumed to keep framing). */
    public int skipBody(ByteBuffer in) {
        int n = available;
        in.position(in.position() + n);
        bodyConsumed(n);
        return n;
    }

    private Event done() {
        state = DONE;
        return Event.END;
    }

    private void reset() {
        state = HEAD_LINE;
        bodyRemaining = bodyReceived = 0;
        available = 0;
        started = false;
        head.reset();
        rules.reset();
        requestLine.reset();
        fields.reset();
        chunks.reset();
    }

    /** Feeds head bytes to the request-line parser, then to the header-field parser, until the head is complete. */
    private Event parseHead(ByteBuffer in) {
        int pos = in.position();
        int limit = in.limit();
        while (pos < limit) {
            int c = in.get(pos++) & 0xFF;
            started = true;
            int result = state == HEAD_LINE ? requestLine.step(c) : fields.step(c);
            if (result == RequestLineParser.MORE) { // HeaderFieldParser uses the same codes
                continue;
            }
            if (result != RequestLineParser.DONE) {
                return fail(in, pos, result);
            }
            if (state == HEAD_LINE) {
                state = HEAD_FIELDS;
            } else {
                in.position(pos);
                return headComplete(in);
            }
        }
        in.position(pos);
        return Event.NEED_MORE;
    }

    private Event headComplete(ByteBuffer in) {
        int status = rules.onHeadComplete(head);
        if (status != 0) {
            return fail(in, in.position(), status);
        }
        if (head.chunked) {
            state = CHUNKED_BODY;
        } else if (head.contentLength > 0) {
            bodyRemaining = head.contentLength;
            state = FIXED_BODY;
        } else {
            state = NO_BODY;
        }
        return Event.HEAD;
    }

    private Event fail(ByteBuffer in, int pos, int status) {
        in.position(pos);
        state = ERROR;
        errorStatus = status;
        return Event.ERROR;
    }
}
