package dev.iolab.plain.endpoints;

/**
 * A single {@code Range: bytes=...} request (RFC 9110 §14.1.2) resolved against a file size:
 * {@code a-b}, {@code a-} or {@code -n}. Several ranges or a syntax error mean "send the whole file".
 */
record ByteRange(long first, long last) {

    /** Marks a Range whose every spec lies beyond the file: 416. */
    static final ByteRange UNSATISFIABLE = new ByteRange(-1, -1);

    long length() {
        return last - first + 1;
    }

    /** The range to send, {@link #UNSATISFIABLE}, or null for the whole file (no, several or malformed ranges). */
    static ByteRange parse(String header, long size) {
        if (header == null) {
            return null;
        }
        String h = header.strip();
        if (!h.regionMatches(true, 0, "bytes=", 0, 6)) {
            return null; // another unit: ignore the field (RFC 9110 §14.2)
        }
        String spec = h.substring(6).strip();
        if (spec.indexOf(',') >= 0) {
            return null; // several ranges: 200 with the whole file is allowed
        }
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        String a = spec.substring(0, dash).strip();
        String b = spec.substring(dash + 1).strip();
        long first = digits(a);
        long last = digits(b);
        if (a.isEmpty()) {
            // suffix range: the last n bytes
            if (last < 0) {
                return null;
            }
            if (last == 0 || size == 0) {
                return UNSATISFIABLE;
            }
            return new ByteRange(Math.max(0, size - last), size - 1);
        }
        if (first < 0 || (!b.isEmpty() && (last < 0 || last < first))) {
            return null; // invalid: ignored
        }
        if (first >= size) {
            return UNSATISFIABLE;
        }
        return new ByteRange(first, b.isEmpty() ? size - 1 : Math.min(last, size - 1));
    }

    private static long digits(String s) {
        if (s.isEmpty() || s.length() > 18) {
            return -1;
        }
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
