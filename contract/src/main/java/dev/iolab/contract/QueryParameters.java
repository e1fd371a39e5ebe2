package dev.iolab.contract;

/**
 * Reads one query parameter the way every target does: the first {@code name=value} pair of the raw query,
 * its value percent-decoded once as UTF-8 ({@code +} is a space, form encoding); a bare {@code name} is "".
 */
public final class QueryParameters {

    private QueryParameters() {}

    /** The raw (still encoded) first value of {@code name} in {@code rawQuery}; null when absent. */
    public static String raw(String rawQuery, String name) {
        if (rawQuery == null) {
            return null;
        }
        int n = name.length();
        int start = 0;
        while (start <= rawQuery.length()) {
            int end = rawQuery.indexOf('&', start);
            if (end < 0) {
                end = rawQuery.length();
            }
            if (rawQuery.startsWith(name, start)) {
                int after = start + n;
                if (after == end) {
                    return "";
                }
                if (rawQuery.charAt(after) == '=') {
                    return rawQuery.substring(after + 1, end);
                }
            }
            start = end + 1;
        }
        return null;
    }

    /**
     * The first value of {@code name}, percent-decoded once; null when absent.
     *
     * @throws IllegalArgumentException when the value holds a malformed escape or is not UTF-8
     */
    public static String first(String rawQuery, String name) {
        String raw = raw(rawQuery, name);
        if (raw == null) {
            return null;
        }
        String decoded = PercentDecoding.decode(raw, true);
        if (decoded == null) {
            throw new IllegalArgumentException("malformed percent-encoding in query parameter " + name);
        }
        return decoded;
    }
}
