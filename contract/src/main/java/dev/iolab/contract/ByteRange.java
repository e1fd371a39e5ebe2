package dev.iolab.contract;

/**
 * The contract's Range rule: what a {@code Range} header asks of a file of a given size (RFC 9110 §14.1.2): nothing
 * usable (serve it whole), one satisfiable range, several ranges (served whole, as the contract allows) or nothing
 * satisfiable (416). One parser for every target that reads the header itself (Spring MVC uses Spring's own).
 */
public record ByteRange(Kind kind, long start, long end) {

    public enum Kind {
        WHOLE,
        SINGLE,
        UNSATISFIABLE
    }

    /** No usable range: 200 with the whole file. */
    public static final ByteRange WHOLE = new ByteRange(Kind.WHOLE, 0, -1);
    /** Every spec lies beyond the file: 416 with {@code Content-Range: bytes *}{@code /size}. */
    public static final ByteRange UNSATISFIABLE = new ByteRange(Kind.UNSATISFIABLE, 0, -1);

    /** Bytes from {@code start} to {@code end} inclusive. */
    public long length() {
        return end - start + 1;
    }

    /** Parses {@code header} for a file of {@code size} bytes; a syntax error means "ignore the header" (§14.2). */
    public static ByteRange parse(String header, long size) {
        if (header == null) {
            return WHOLE;
        }
        String value = header.strip();
        if (value.length() < 6 || !value.regionMatches(true, 0, "bytes=", 0, 6)) {
            return WHOLE;
        }
        String spec = value.substring(6);
        if (spec.indexOf(',') >= 0) {
            // several ranges: the contract lets us answer 200 with the whole file (if the syntax holds at all)
            return WHOLE;
        }
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return WHOLE;
        }
        String first = spec.substring(0, dash).strip();
        String last = spec.substring(dash + 1).strip();
        long a = digits(first);
        long b = digits(last);
        if (first.isEmpty()) {
            // suffix range "-n": the last n bytes; "-0" is never satisfiable (§14.1.3)
            if (b < 0) {
                return WHOLE;
            }
            if (b == 0 || size == 0) {
                return UNSATISFIABLE;
            }
            return new ByteRange(Kind.SINGLE, Math.max(0, size - b), size - 1);
        }
        if (a < 0 || (!last.isEmpty() && (b < 0 || b < a))) {
            return WHOLE;
        }
        if (a >= size) {
            return UNSATISFIABLE;
        }
        long end = last.isEmpty() ? size - 1 : Math.min(b, size - 1);
        return new ByteRange(Kind.SINGLE, a, end);
    }

    /** A non-negative decimal, Long.MAX_VALUE when it overflows (still a valid, huge position), -1 otherwise. */
    private static long digits(String text) {
        if (text.isEmpty()) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value > (Long.MAX_VALUE - 9) / 10 ? Long.MAX_VALUE : value * 10 + (c - '0');
        }
        return value;
    }
}
