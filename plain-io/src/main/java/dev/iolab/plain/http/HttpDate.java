package dev.iolab.plain.http;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The {@code Date} header (RFC 9110 §6.6.1, IMF-fixdate), formatted once per second and shared by all threads. */
public final class HttpDate {

    /** IMF-fixdate; not {@code RFC_1123_DATE_TIME}, which writes day 3 as "3" where RFC 9110 §5.6.7 wants "03". */
    private static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);

    private static volatile Cached cached = new Cached(-1, null);

    private record Cached(long second, byte[] headerLine) {}

    private HttpDate() {}

    /** {@code Date: <IMF-fixdate>\r\n} for the current second. */
    static byte[] headerLine() {
        long second = System.currentTimeMillis() / 1000;
        Cached c = cached;
        if (c.second != second) {
            String line = "Date: " + format(second * 1000) + "\r\n";
            c = new Cached(second, line.getBytes(StandardCharsets.US_ASCII));
            cached = c;
        }
        return c.headerLine;
    }

    /** IMF-fixdate of an epoch-millis instant, e.g. {@code Sun, 06 Nov 1994 08:49:37 GMT}. */
    public static String format(long epochMillis) {
        return IMF_FIXDATE.format(Instant.ofEpochMilli(epochMillis));
    }
}
