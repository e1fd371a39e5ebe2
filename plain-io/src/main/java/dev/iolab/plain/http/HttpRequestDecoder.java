package dev.iolab.plain.http;

import dev.iolab.contract.Limits;
import java.nio.ByteBuffer;

/**
 * An incremental, strict HTTP/1.1 request decoder (RFC 9112): a byte-level state machine that can be fed
 * any split of the input, one byte at a time included, and that streams bodies instead of collecting them.
 *
 * <p>Usage: call {@link #next} with the bytes read so far. {@code HEAD}: {@link #head()} is ready.
 * {@code BODY}: body bytes start at {@code in.position()}; take them with {@link #readBody} or
 * {@link #bodyAvailable}/{@link #bodyConsumed}. {@code END}: the message is complete and the next call
 * starts the next (pipelined) request. {@code NEED_MORE}: every byte was consumed, read more.
 * {@code ERROR}: answer {@link #errorStatus()} and close.
 */
public final class HttpRequestDecoder {

    public enum Event { NEED_MORE, HEAD, BODY, END, ERROR }

    // Head states, in wire order.
    private static final int REQ_START = 0, REQ_START_LF = 1, METHOD = 2, TARGET = 3, VERSION = 4, REQ_LF = 5,
            FIELD_START = 6, NAME = 7, VALUE_OWS = 8, VALUE = 9, VALUE_LF = 10, HEAD_END_LF = 11;
    // Body states.
    private static final int NO_BODY = 20, FIXED_BODY = 21, CHUNKED_BODY = 22, DONE = 23, ERROR = 24;
    private static final byte[] HTTP_SLASH = {'H', 'T', 'T', 'P', '/'};
    private static final int MAX_NAME = 32;
    private static final int MAX_EMPTY_LINES = 8;

    private final RequestHead head = new RequestHead();
    private final HeadRules rules = new HeadRules();
    private final ChunkedBodyDecoder chunks = new ChunkedBodyDecoder();
    private final byte[] name = new byte[MAX_NAME];
    private int state = REQ_START;
    private int lineLength;
    private int sectionLength;
    private int versionIndex;
    private int emptyLines;
    private int nameLength;
    private int slot;
    private int valueStart;
    private int valueEnd;
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
            case CHUNKED_BODY -> switch (chunks.parse(in)) {
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
        state = REQ_START;
        lineLength = sectionLength = emptyLines = 0;
        bodyRemaining = bodyReceived = 0;
        available = 0;
        started = false;
        head.reset();
        rules.reset();
        chunks.reset();
    }

    private Event parseHead(ByteBuffer in) {
        int pos = in.position();
        int limit = in.limit();
        byte[] line = head.line;
        while (pos < limit) {
            int c = in.get(pos++) & 0xFF;
            started = true;
            if (state >= FIELD_START && ++sectionLength > Limits.MAX_HEADER_SECTION_BYTES) {
                return fail(in, pos, 431);
            }
            switch (state) {
                case REQ_START -> {
                    // RFC 9112 §2.2: ignore empty lines (CRLF) before the request line.
                    if (c == '\r') {
                        state = REQ_START_LF;
                    } else if (Chars.tchar(c)) {
                        line[0] = (byte) c;
                        lineLength = 1;
                        state = METHOD;
                    } else {
                        return fail(in, pos, 400); // bare LF or junk
                    }
                }
                case REQ_START_LF -> {
                    if (c != '\n' || ++emptyLines > MAX_EMPTY_LINES) {
                        return fail(in, pos, 400);
                    }
                    state = REQ_START;
                }
                case METHOD -> {
                    if (c == ' ') {
                        head.methodEnd = lineLength;
                        head.targetStart = lineLength + 1;
                        state = TARGET;
                    } else if (!Chars.tchar(c)) {
                        return fail(in, pos, 400); // RFC 9112 §3: method = token, then exactly one SP
                    }
                    if (!append(line, c)) {
                        return fail(in, pos, 414);
                    }
                }
                case TARGET -> {
                    if (c == ' ' && lineLength > head.targetStart) {
                        head.targetEnd = lineLength;
                        versionIndex = 0;
                        state = VERSION;
                    } else if (!Chars.targetChar(c)) {
                        return fail(in, pos, 400);
                    }
                    if (!append(line, c)) {
                        return fail(in, pos, 414);
                    }
                }
                case VERSION -> {
                    // RFC 9112 §2.3: HTTP-version = "HTTP/" DIGIT "." DIGIT, checked as it arrives.
                    int i = versionIndex++;
                    if (i < 5) {
                        if (c != HTTP_SLASH[i]) {
                            return fail(in, pos, 400);
                        }
                    } else if (i == 5) {
                        if (c != '1') {
                            return fail(in, pos, c >= '2' && c <= '9' ? 505 : 400);
                        }
                    } else if (i == 6) {
                        if (c != '.') {
                            return fail(in, pos, 400);
                        }
                    } else if (i == 7) {
                        if (c < '0' || c > '9') {
                            return fail(in, pos, 400);
                        }
                        head.minorVersion = c - '0';
                    } else if (c == '\r') {
                        state = REQ_LF;
                    } else {
                        return fail(in, pos, 400); // bare LF or trailing junk after the version
                    }
                    if (!append(line, c)) {
                        return fail(in, pos, 414);
                    }
                }
                case REQ_LF -> {
                    if (c != '\n') {
                        return fail(in, pos, 400); // RFC 9112 §2.2: a bare CR is rejected
                    }
                    state = FIELD_START;
                }
                case FIELD_START -> {
                    if (c == '\r') {
                        state = HEAD_END_LF;
                    } else if (Chars.tchar(c)) {
                        name[0] = (byte) Chars.lower(c);
                        nameLength = 1;
                        state = NAME;
                    } else {
                        // RFC 9112 §5.2 obs-fold and §2.2 whitespace after the start line: rejected.
                        return fail(in, pos, 400);
                    }
                }
                case NAME -> {
                    if (c == ':') {
                        slot = nameLength <= MAX_NAME ? RequestHead.slot(name, nameLength) : -1;
                        valueStart = valueEnd = head.valuesEnd;
                        state = VALUE_OWS;
                    } else if (Chars.tchar(c)) {
                        if (nameLength < MAX_NAME) {
                            name[nameLength] = (byte) Chars.lower(c);
                        }
                        nameLength++;
                    } else {
                        return fail(in, pos, 400); // RFC 9112 §5.1: no whitespace before the colon
                    }
                }
                case VALUE_OWS, VALUE -> {
                    if (c == '\r') {
                        state = VALUE_LF;
                    } else if (!Chars.fieldChar(c)) {
                        return fail(in, pos, 400); // NUL, bare LF, controls: RFC 9110 §5.5
                    } else if (state == VALUE || !Chars.whitespace(c)) {
                        state = VALUE;
                        if (slot >= 0) {
                            head.values[head.valuesEnd++] = (byte) c;
                            if (!Chars.whitespace(c)) {
                                valueEnd = head.valuesEnd; // trailing OWS is not part of the value
                            }
                        }
                    }
                }
                case VALUE_LF -> {
                    if (c != '\n') {
                        return fail(in, pos, 400);
                    }
                    if (slot >= 0) {
                        int status = keepField();
                        if (status != 0) {
                            return fail(in, pos, status);
                        }
                    }
                    state = FIELD_START;
                }
                case HEAD_END_LF -> {
                    if (c != '\n') {
                        return fail(in, pos, 400);
                    }
                    in.position(pos);
                    return headComplete(in);
                }
                default -> throw new IllegalStateException("state " + state);
            }
        }
        in.position(pos);
        return Event.NEED_MORE;
    }

    private boolean append(byte[] line, int c) {
        if (lineLength == line.length) {
            return false;
        }
        line[lineLength++] = (byte) c;
        return true;
    }

    private int keepField() {
        head.valuesEnd = valueEnd; // drop trailing OWS
        if (head.count[slot]++ == 0) {
            head.valueStart[slot] = valueStart;
            head.valueEnd[slot] = valueEnd;
        }
        return rules.onField(head, slot, valueStart, valueEnd);
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
