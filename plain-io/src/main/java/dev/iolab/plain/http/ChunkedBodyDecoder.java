package dev.iolab.plain.http;

import dev.iolab.contract.Limits;
import java.nio.ByteBuffer;

/**
 * The chunked transfer coding of RFC 9112 §7.1, decoded incrementally: chunk sizes (with overflow checks),
 * chunk extensions (§7.1.1, parsed strictly and ignored by {@link ChunkExtensionParser}), chunk data and the
 * trailer section (§7.1.2).
 */
final class ChunkedBodyDecoder {

    static final int NEED_MORE = 0, DATA = 1, COMPLETE = 2, INVALID = 3;

    // States, in wire order: the chunk-size line (with extensions), data, and the trailer section.
    private static final int SIZE_FIRST = 0,
            SIZE = 1,
            SIZE_BWS = 2,
            EXTENSION = 3,
            SIZE_LF = 4,
            DATA_STATE = 5,
            DATA_CR = 6,
            DATA_LF = 7,
            TRAILER_START = 8,
            TRAILER_NAME = 9,
            TRAILER_VALUE = 10,
            TRAILER_LF = 11,
            END_LF = 12;
    /** Longest chunk-size line (size and extensions) accepted. */
    private static final int MAX_SIZE_LINE = 4096;

    private final ChunkExtensionParser extensions = new ChunkExtensionParser();
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
                if (state <= SIZE_LF && ++lineLength > MAX_SIZE_LINE) {
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
                    startExtension();
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
                    startExtension();
                } else if (!Chars.whitespace(c)) {
                    return INVALID;
                }
            }
            case EXTENSION -> {
                int result = extensions.step(c);
                if (result == ChunkExtensionParser.INVALID) {
                    return INVALID;
                }
                if (result == ChunkExtensionParser.LINE_END) {
                    state = SIZE_LF;
                }
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

    private void startExtension() {
        state = EXTENSION;
        extensions.start();
    }
}
