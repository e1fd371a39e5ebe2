package dev.iolab.plain.http;

import dev.iolab.contract.Limits;

/**
 * The header section of RFC 9112 §5, one byte at a time: each field line is a token name, a colon with no
 * whitespace before it (§5.1), optional whitespace and a value of field characters (RFC 9110 §5.5) ended
 * by CRLF; obs-fold (§5.2), bare LF and bare CR are rejected. Fields that {@link RequestHead} keeps are
 * stored and checked by {@link HeadRules} as each one completes.
 */
final class HeaderFieldParser {

    /** {@link #step} results besides an error status: go on, or the section ended (its empty line consumed). */
    static final int MORE = RequestLineParser.MORE, DONE = RequestLineParser.DONE;

    private static final int FIELD_START = 0, NAME = 1, VALUE_OWS = 2, VALUE = 3, VALUE_LF = 4, HEAD_END_LF = 5;
    private static final int MAX_NAME = 32;

    private final RequestHead head;
    private final HeadRules rules;
    private final byte[] name = new byte[MAX_NAME];
    private int state = FIELD_START;
    private int sectionLength;
    private int nameLength;
    private int slot;
    private int valueStart;
    private int valueEnd;

    HeaderFieldParser(RequestHead head, HeadRules rules) {
        this.head = head;
        this.rules = rules;
    }

    void reset() {
        state = FIELD_START;
        sectionLength = 0;
    }

    /** Takes one byte; returns {@link #MORE}, {@link #DONE} or the error status (400, 431, 501). */
    int step(int c) {
        if (++sectionLength > Limits.MAX_HEADER_SECTION_BYTES) {
            return 431;
        }
        switch (state) {
            case FIELD_START -> {
                if (c == '\r') {
                    state = HEAD_END_LF;
                } else if (Chars.tchar(c)) {
                    name[0] = (byte) Chars.lower(c);
                    nameLength = 1;
                    state = NAME;
                } else {
                    // RFC 9112 §5.2 obs-fold and §2.2 whitespace after the start line: rejected.
                    return 400;
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
                    return 400; // RFC 9112 §5.1: no whitespace before the colon
                }
            }
            case VALUE_OWS, VALUE -> {
                if (c == '\r') {
                    state = VALUE_LF;
                } else if (!Chars.fieldChar(c)) {
                    return 400; // NUL, bare LF, controls: RFC 9110 §5.5
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
                    return 400;
                }
                if (slot >= 0) {
                    int status = keepField();
                    if (status != 0) {
                        return status;
                    }
                }
                state = FIELD_START;
            }
            case HEAD_END_LF -> {
                return c == '\n' ? DONE : 400;
            }
            default -> throw new IllegalStateException("state " + state);
        }
        return MORE;
    }

    private int keepField() {
        head.valuesEnd = valueEnd; // drop trailing OWS
        if (head.count[slot]++ == 0) {
            head.valueStart[slot] = valueStart;
            head.valueEnd[slot] = valueEnd;
        }
        return rules.onField(head, slot, valueStart, valueEnd);
    }
}
