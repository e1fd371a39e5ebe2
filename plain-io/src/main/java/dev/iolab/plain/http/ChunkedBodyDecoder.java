package dev.iolab.plain.http;

import dev.iolab.contract.Limits;
import java.nio.ByteBuffer;

/**
 * The chunked transfer coding of RFC 9112 §7.1, decoded incrementally: chunk sizes (with overflow checks),
 * chunk extensions (§7.1.1, parsed strictly and ignored), chunk data and the trailer section (§7.1.2).
 */
final class ChunkedBodyDecoder {

    static final int NEED_MORE = 0, DATA = 1, COMPLETE = 2, INVALID = 3;

    private static final int SIZE_FIRST = 0, SIZE = 1, SIZE_BWS = 2, EXT_NAME_START = 3, EXT_NAME = 4,
            EXT_VALUE_START = 5, EXT_TOKEN = 6, EXT_QUOTED = 7, EXT_ESCAPE = 8, EXT_AFTER = 9, SIZE_LF = 10,
            DATA_STATE = 11, DATA_CR = 12, DATA_LF = 13, TRAILER_START = 14, TRAILER_NAME = 15,
            TRAILER_VALUE = 16, TRAILER_LF = 17, END_LF = 18, EXT_AFTER_NAME = 19;
    /** Longest chunk-size line (size and extensions) accepted. */
    private static final int MAX_SIZE_LINE = 4096;

    private int state = SIZE_FIRST;
    private long size;
    private long remaining;
    private int lineLength;
    private int trailerLength;

    void reset() {
        state = SIZE_FIRST;
        size = remaining = 0;
        lineLength = trailerLength = 0;
    }

    long dataRemaining() {
        return remaining;
    }

    void consumed(int n) {
        remaining -= n;
        if (remaining == 0) {
            state = DATA_CR;
        }
    }

    int parse(ByteBuffer in) {
        int pos = in.position();
        int limit = in.limit();
        try {
            while (true) {
                if (state == DATA_STATE) {
                    return pos < limit ? DATA : NEED_MORE;
                }
                if (pos == limit) {
                    return NEED_MORE;
                }
                int c = in.get(pos++) & 0xFF;
                if ((state <= SIZE_LF || state == EXT_AFTER_NAME) && ++lineLength > MAX_SIZE_LINE) {
                    return INVALID;
                }
                if (state >= TRAILER_START && state <= END_LF && ++trailerLength > Limits.MAX_HEADER_SECTION_BYTES) {
                    return INVALID;
                }
                int result = step(c);
                if (result != NEED_MORE) {
                    return result;
                }
            }
        } finally {
            in.position(pos);
        }
    }

    /** One byte of the chunk framing; returns NEED_MORE to go on. */
    private int step(int c) {
        switch (state) {
            case SIZE_FIRST, SIZE -> {
                int digit = Chars.hex(c);
                if (digit >= 0) {
                    if (size > (Long.MAX_VALUE >>> 4)) {
                        return INVALID; // the size would overflow: a smuggling classic
                    }
                    size = (size << 4) | digit;
                    state = SIZE;
                } else if (state == SIZE_FIRST) {
                    return INVALID; // chunk-size = 1*HEXDIG
                } else if (c == ';') {
                    state = EXT_NAME_START;
                } else if (Chars.whitespace(c)) {
                    state = SIZE_BWS; // BWS is only allowed before a ';'
                } else if (c == '\r') {
                    state = SIZE_LF;
                } else {
                    return INVALID;
                }
            }
            case SIZE_BWS -> {
                if (c == ';') {
                    state = EXT_NAME_START;
                } else if (!Chars.whitespace(c)) {
                    return INVALID;
                }
            }
            case EXT_NAME_START -> {
                if (Chars.tchar(c)) {
                    state = EXT_NAME;
                } else if (!Chars.whitespace(c)) {
                    return INVALID;
                }
            }
            case EXT_NAME -> {
                if (c == '=') {
                    state = EXT_VALUE_START;
                } else if (Chars.whitespace(c)) {
                    state = EXT_AFTER_NAME;
                } else {
                    return afterExtension(c, Chars.tchar(c));
                }
            }
            case EXT_AFTER_NAME -> {
                // BWS "=" BWS between a name and its value
                if (c == '=') {
                    state = EXT_VALUE_START;
                } else if (!Chars.whitespace(c)) {
                    return afterExtension(c, false);
                }
            }
            case EXT_VALUE_START -> {
                if (c == '"') {
                    state = EXT_QUOTED;
                } else if (Chars.tchar(c)) {
                    state = EXT_TOKEN;
                } else if (!Chars.whitespace(c)) {
                    return INVALID;
                }
            }
            case EXT_TOKEN -> {
                return afterExtension(c, Chars.tchar(c));
            }
            case EXT_QUOTED -> {
                // qdtext = HTAB / SP / %x21 / %x23-5B / %x5D-7E / obs-text (RFC 9110 §5.6.4)
                if (c == '"') {
                    state = EXT_AFTER;
                } else if (c == '\\') {
                    state = EXT_ESCAPE;
                } else if (!Chars.fieldChar(c)) {
                    return INVALID;
                }
            }
            case EXT_ESCAPE -> {
                if (!Chars.fieldChar(c)) {
                    return INVALID;
                }
                state = EXT_QUOTED;
            }
            case EXT_AFTER -> {
                return afterExtension(c, false);
            }
            case SIZE_LF -> {
                if (c != '\n') {
                    return INVALID;
                }
                lineLength = 0;
                if (size == 0) {
                    state = TRAILER_START;
                } else {
                    remaining = size;
                    size = 0;
                    state = DATA_STATE; // DATA is reported by parse() only once a data byte is there
                }
            }
            case DATA_CR -> {
                if (c != '\r') {
                    return INVALID; // chunk data must be followed by CRLF exactly
                }
                state = DATA_LF;
            }
            case DATA_LF -> {
                if (c != '\n') {
                    return INVALID;
                }
                state = SIZE_FIRST;
            }
            case TRAILER_START -> {
                if (c == '\r') {
                    state = END_LF;
                } else if (Chars.tchar(c)) {
                    state = TRAILER_NAME;
                } else {
                    return INVALID; // obs-fold, bare LF, junk
                }
            }
            case TRAILER_NAME -> {
                if (c == ':') {
                    state = TRAILER_VALUE;
                } else if (!Chars.tchar(c)) {
                    return INVALID;
                }
            }
            case TRAILER_VALUE -> {
                if (c == '\r') {
                    state = TRAILER_LF;
                } else if (!Chars.fieldChar(c)) {
                    return INVALID;
                }
            }
            case TRAILER_LF -> {
                if (c != '\n') {
                    return INVALID;
                }
                state = TRAILER_START;
            }
            case END_LF -> {
                return c == '\n' ? COMPLETE : INVALID;
            }
            default -> throw new IllegalStateException("state " + state);
        }
        return NEED_MORE;
    }

    /** After an extension name or value: more whitespace, another extension, or the end of the line. */
    private int afterExtension(int c, boolean sameToken) {
        if (sameToken) {
            return NEED_MORE;
        }
        if (c == ';') {
            state = EXT_NAME_START;
        } else if (c == '\r') {
            state = SIZE_LF;
        } else if (Chars.whitespace(c)) {
            state = EXT_AFTER;
        } else {
            return INVALID;
        }
        return NEED_MORE;
    }
}
