package dev.iolab.plain.http;

/**
 * The request line of RFC 9112 §3, one byte at a time: optional empty lines before it (§2.2), a token
 * method, exactly one SP, the target, one SP, {@code HTTP/1.x} (§2.3) and CRLF; no bare LF or bare CR.
 * It fills {@link RequestHead#line} and the offsets into it.
 */
final class RequestLineParser {

    /** {@link #step} results besides an error status: go on, or the line ended (its CRLF consumed). */
    static final int MORE = 0, DONE = 1;

    private static final int REQ_START = 0, REQ_START_LF = 1, METHOD = 2, TARGET = 3, VERSION = 4, REQ_LF = 5;
    private static final byte[] HTTP_SLASH = {'H', 'T', 'T', 'P', '/'};
    private static final int MAX_EMPTY_LINES = 8;

    private final RequestHead head;
    private int state = REQ_START;
    private int lineLength;
    private int versionIndex;
    private int emptyLines;

    RequestLineParser(RequestHead head) {
        this.head = head;
    }

    void reset() {
        state = REQ_START;
        lineLength = emptyLines = 0;
    }

    /** Takes one byte; returns {@link #MORE}, {@link #DONE} or the error status (400, 414, 505). */
    int step(int c) {
        byte[] line = head.line;
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
                    return 400; // bare LF or junk
                }
            }
            case REQ_START_LF -> {
                if (c != '\n' || ++emptyLines > MAX_EMPTY_LINES) {
                    return 400;
                }
                state = REQ_START;
            }
            case METHOD -> {
                if (c == ' ') {
                    head.methodEnd = lineLength;
                    head.targetStart = lineLength + 1;
                    state = TARGET;
                } else if (!Chars.tchar(c)) {
                    return 400; // RFC 9112 §3: method = token, then exactly one SP
                }
                return append(line, c);
            }
            case TARGET -> {
                if (c == ' ' && lineLength > head.targetStart) {
                    head.targetEnd = lineLength;
                    versionIndex = 0;
                    state = VERSION;
                } else if (!Chars.targetChar(c)) {
                    return 400;
                }
                return append(line, c);
            }
            case VERSION -> {
                int status = version(c);
                return status != MORE ? status : append(line, c);
            }
            case REQ_LF -> {
                // RFC 9112 §2.2: a bare CR is rejected
                return c == '\n' ? DONE : 400;
            }
            default -> throw new IllegalStateException("state " + state);
        }
        return MORE;
    }

    /** RFC 9112 §2.3: HTTP-version = "HTTP/" DIGIT "." DIGIT, checked as it arrives; HTTP/2 and later: 505. */
    private int version(int c) {
        int i = versionIndex++;
        if (i < 5) {
            return c == HTTP_SLASH[i] ? MORE : 400;
        }
        if (i == 5) {
            return c == '1' ? MORE : c >= '2' && c <= '9' ? 505 : 400;
        }
        if (i == 6) {
            return c == '.' ? MORE : 400;
        }
        if (i == 7) {
            if (c < '0' || c > '9') {
                return 400;
            }
            head.minorVersion = c - '0';
            return MORE;
        }
        if (c == '\r') {
            state = REQ_LF;
            return MORE;
        }
        return 400; // bare LF or trailing junk after the version
    }

    /** Keeps the byte of the line; 414 when the line is over its limit. */
    private int append(byte[] line, int c) {
        if (lineLength == line.length) {
            return 414;
        }
        line[lineLength++] = (byte) c;
        return MORE;
    }
}
