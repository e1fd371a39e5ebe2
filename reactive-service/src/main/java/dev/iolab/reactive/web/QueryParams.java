package dev.iolab.reactive.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Reads one query parameter from the raw query without building a map: the hot path of GET /echo and /delay. */
public final class QueryParams {

    private QueryParams() {
    }

    /**
     * The first value of {@code name} in {@code rawQuery}, percent-decoded as UTF-8 ('+' is a space, as in
     * form encoding and Tomcat); null when absent. Malformed escapes throw {@link IllegalArgumentException}.
     */
    public static String first(String rawQuery, String name) {
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
                    return decode(rawQuery.substring(after + 1, end));
                }
            }
            start = end + 1;
        }
        return null;
    }

    private static String decode(String raw) {
        boolean plain = raw.indexOf('%') < 0 && raw.indexOf('+') < 0;
        return plain ? raw : URLDecoder.decode(raw, StandardCharsets.UTF_8);
    }
}
