package dev.iolab.plain.endpoints;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Percent-decoding (RFC 3986 §2.1) done exactly once, to UTF-8, rejecting malformed escapes and bytes. */
final class PercentDecoding {

    private PercentDecoding() {
    }

    /** Decodes {@code s} once; {@code plusIsSpace} for query values (form encoding). Null when malformed. */
    static String decode(String s, boolean plusIsSpace) {
        if (s.indexOf('%') < 0 && (!plusIsSpace || s.indexOf('+') < 0)) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    return null;
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else {
                bytes.write(plusIsSpace && c == '+' ? ' ' : c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** The value of query parameter {@code name} (raw, still encoded), or null when absent. */
    static String rawParam(String query, String name) {
        int start = 0;
        while (start <= query.length()) {
            int amp = query.indexOf('&', start);
            int end = amp < 0 ? query.length() : amp;
            int eq = query.indexOf('=', start);
            if (eq > start && eq < end && query.regionMatches(start, name, 0, name.length()) && eq - start == name.length()) {
                return query.substring(eq + 1, end);
            }
            if (eq < 0 || eq >= end) {
                if (end - start == name.length() && query.regionMatches(start, name, 0, name.length())) {
                    return "";
                }
            }
            start = end + 1;
        }
        return null;
    }
}
