package dev.iolab.plain.http;

/** The character classes of RFC 9110 §5.6.2 (tchar), §5.5 (field values) and RFC 3986 (request targets) as lookup tables. */
final class Chars {

    private static final boolean[] TCHAR = new boolean[256];

    static {
        for (int c = '0'; c <= '9'; c++) {
            TCHAR[c] = true;
        }
        for (int c = 'a'; c <= 'z'; c++) {
            TCHAR[c] = true;
            TCHAR[c - 32] = true;
        }
        for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
            TCHAR[c] = true;
        }
    }

    private Chars() {}

    /** tchar: the characters of methods, header names and transfer codings (RFC 9110 §5.6.2). */
    static boolean tchar(int c) {
        return TCHAR[c & 0xFF];
    }

    /** field-vchar / SP / HTAB / obs-text: everything but NUL, CR, LF, other controls and DEL (RFC 9110 §5.5). */
    static boolean fieldChar(int c) {
        return c == '\t' || (c >= 0x20 && c != 0x7F);
    }

    /** A request-target byte: visible ASCII only; no spaces, controls or raw non-ASCII (RFC 9112 §3.2). */
    static boolean targetChar(int c) {
        return c > 0x20 && c < 0x7F;
    }

    static boolean whitespace(int c) {
        return c == ' ' || c == '\t';
    }

    /** The value of a hex digit, or -1. */
    static int hex(int c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    static int lower(int c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }

    /** Case-insensitive comparison of {@code len} bytes at {@code off} with a lower-case ASCII word. */
    static boolean equalsLower(byte[] bytes, int off, int len, String lowerWord) {
        if (len != lowerWord.length()) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (lower(bytes[off + i]) != lowerWord.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
