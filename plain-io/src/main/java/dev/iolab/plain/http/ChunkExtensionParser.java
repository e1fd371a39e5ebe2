package dev.iolab.plain.http;

/**
 * Chunk extensions (RFC 9112 §7.1.1), parsed strictly and then ignored: after a {@code ;} of a chunk-size
 * line, {@code name [BWS "=" BWS (token / quoted-string)]}, repeated, up to the line's CR.
 */
final class ChunkExtensionParser {

    /** {@link #step} results: go on, the CR ending the chunk-size line was seen, or a malformed extension. */
    static final int MORE = 0, LINE_END = 1, INVALID = 2;

    private static final int NAME_START = 0,
            NAME = 1,
            AFTER_NAME = 2,
            VALUE_START = 3,
            TOKEN = 4,
            QUOTED = 5,
            ESCAPE = 6,
            AFTER = 7;

    private int state = NAME_START;

    /** A {@code ;} was just seen: an extension name comes next. */
    void start() {
        state = NAME_START;
    }

    int step(int c) {
        switch (state) {
            case NAME_START -> {
                if (Chars.tchar(c)) {
                    state = NAME;
                } else if (!Chars.whitespace(c)) {
                    return INVALID;
                }
            }
            case NAME -> {
                if (c == '=') {
                    state = VALUE_START;
                } else if (Chars.whitespace(c)) {
                    state = AFTER_NAME;
                } else {
                    return afterExtension(c, Chars.tchar(c));
                }
            }
            case AFTER_NAME -> {
                // BWS "=" BWS between a name and its value
                if (c == '=') {
                    state = VALUE_START;
                } else if (!Chars.whitespace(c)) {
                    return afterExtension(c, false);
                }
            }
            case VALUE_START -> {
                if (c == '"') {
                    state = QUOTED;
                } else if (Chars.tchar(c)) {
                    state = TOKEN;
                } else if (!Chars.whitespace(c)) {
                    return INVALID;
                }
            }
            case TOKEN -> {
                return afterExtension(c, Chars.tchar(c));
            }
            case QUOTED -> {
                // qdtext = HTAB / SP / %x21 / %x23-5B / %x5D-7E / obs-text (RFC 9110 §5.6.4)
                if (c == '"') {
                    state = AFTER;
                } else if (c == '\\') {
                    state = ESCAPE;
                } else if (!Chars.fieldChar(c)) {
                    return INVALID;
                }
            }
            case ESCAPE -> {
                if (!Chars.fieldChar(c)) {
                    return INVALID;
                }
                state = QUOTED;
            }
            case AFTER -> {
                return afterExtension(c, false);
            }
            default -> throw new IllegalStateException("state " + state);
        }
        return MORE;
    }

    /** After an extension name or value: more whitespace, another extension, or the end of the line. */
    private int afterExtension(int c, boolean sameToken) {
        if (sameToken) {
            return MORE;
        }
        if (c == ';') {
            state = NAME_START;
        } else if (c == '\r') {
            return LINE_END;
        } else if (Chars.whitespace(c)) {
            state = AFTER;
        } else {
            return INVALID;
        }
        return MORE;
    }
}
