package dev.iolab.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;

/**
 * The conditional requests of {@code GET|HEAD /files/{name}} (RFC 9110 §13), evaluated one way on every target:
 * {@code If-None-Match} (weak comparison, {@code *}, lists), {@code If-Modified-Since} (only without
 * {@code If-None-Match}) and {@code If-Range} (strong ETag comparison, or a date equal to Last-Modified).
 */
public final class Conditionals {

    /** The three HTTP-date formats a recipient must accept (RFC 9110 §5.6.7): IMF-fixdate, RFC 850, asctime. */
    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(
            // "d", not "dd": also the one-digit day that Java's RFC_1123_DATE_TIME (and so many clients) writes,
            // which Tomcat and Spring read too (RFC 9110 §5.6.7: recipients are encouraged to be robust)
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss 'GMT'", Locale.US),
            // RFC 850's two-digit year: one more than 50 years ahead is in the past (RFC 9110 §5.6.7)
            new DateTimeFormatterBuilder()
                    .appendPattern("EEEE, dd-MMM-")
                    .appendValueReduced(
                            ChronoField.YEAR,
                            2,
                            2,
                            LocalDate.now(ZoneOffset.UTC).minusYears(49))
                    .appendPattern(" HH:mm:ss 'GMT'")
                    .toFormatter(Locale.US),
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US));

    private Conditionals() {}

    /**
     * True when a GET or HEAD must answer 304 (RFC 9110 §13.2.2 steps 3 and 4): {@code If-None-Match}, when
     * present, decides alone; otherwise a valid {@code If-Modified-Since} at or after Last-Modified. Arguments
     * are the request's field values (several lines joined by ", "), null when absent.
     */
    public static boolean notModified(String ifNoneMatch, String ifModifiedSince, FileValidators current) {
        if (ifNoneMatch != null) {
            return noneMatchFails(ifNoneMatch, current.etag());
        }
        if (ifModifiedSince != null) {
            Instant since = httpDate(ifModifiedSince);
            return since != null && !current.lastModified().isAfter(since);
        }
        return false;
    }

    /**
     * True when {@code Range} applies (RFC 9110 §13.1.5): no {@code If-Range}, or one naming this version, by an
     * ETag compared strongly (a weak tag never matches) or by a date exactly equal to Last-Modified. When false,
     * the whole representation is sent with 200.
     */
    public static boolean rangeApplies(String ifRange, FileValidators current) {
        if (ifRange == null) {
            return true;
        }
        String value = ifRange.strip();
        if (value.startsWith("\"") || value.startsWith("W/")) {
            return value.equals(current.etag()) && parsesAsOneTag(value);
        }
        Instant date = httpDate(value);
        return date != null && date.equals(current.lastModified());
    }

    /**
     * §13.1.2: the condition is false (so 304) when the value is {@code *} or a list holding a tag that equals
     * {@code etag} by weak comparison. A malformed list matches nothing: the field is ignored, the file served.
     */
    static boolean noneMatchFails(String ifNoneMatch, String etag) {
        String value = ifNoneMatch.strip();
        if (value.equals("*")) {
            return true;
        }
        String opaque = opaque(etag);
        int i = 0;
        int n = value.length();
        boolean found = false;
        while (i < n) {
            char c = value.charAt(i);
            if (c == ',' || c == ' ' || c == '\t') {
                i++;
                continue;
            }
            if (value.startsWith("W/", i)) {
                i += 2;
            }
            if (i >= n || value.charAt(i) != '"') {
                return false; // not an entity-tag
            }
            int close = value.indexOf('"', i + 1);
            if (close < 0) {
                return false;
            }
            if (value.substring(i, close + 1).equals(opaque)) {
                found = true;
            }
            i = close + 1;
            if (i < n && value.charAt(i) != ',' && value.charAt(i) != ' ' && value.charAt(i) != '\t') {
                return false; // junk after a tag
            }
        }
        return found;
    }

    /** The quoted part of an entity-tag, without any {@code W/}: what weak comparison compares. */
    private static String opaque(String etag) {
        return etag.startsWith("W/") ? etag.substring(2) : etag;
    }

    private static boolean parsesAsOneTag(String value) {
        return value.length() >= 2 && value.indexOf('"', 1) == value.length() - 1;
    }

    /** An HTTP-date in any of the three formats (GMT), or null when it is none of them. */
    public static Instant httpDate(String value) {
        String text = value.strip();
        for (DateTimeFormatter format : DATE_FORMATS) {
            try {
                return LocalDateTime.parse(text, format).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notThisFormat) {
                // try the next one
            }
        }
        return null;
    }
}
