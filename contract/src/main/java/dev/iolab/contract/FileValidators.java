package dev.iolab.contract;

import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The validators of one file version (RFC 9110 §8.8), the same on every target: a strong {@code ETag}
 * {@code "<size>-<mtime ns>-<file key>"} in hex (an atomic upload is a new inode, so it always changes), and
 * {@code Last-Modified}, the modification time in whole seconds as an IMF-fixdate.
 */
public record FileValidators(String etag, Instant lastModified) {

    /** IMF-fixdate (RFC 9110 §5.6.7); not {@code RFC_1123_DATE_TIME}, which writes day 3 as "3", not "03". */
    public static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);

    /** The validators of the version {@code attributes} describe. */
    public static FileValidators of(BasicFileAttributes attributes) {
        return new FileValidators(
                etag(attributes), attributes.lastModifiedTime().toInstant().truncatedTo(ChronoUnit.SECONDS));
    }

    /** The strong ETag of a version: size, modification time in ns and file key (inode and device), in hex. */
    public static String etag(BasicFileAttributes attributes) {
        Object key = attributes.fileKey();
        return "\"" + Long.toHexString(attributes.size()) + "-"
                + Long.toHexString(attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS)) + "-"
                + Integer.toHexString(key == null ? 0 : key.hashCode()) + "\"";
    }

    /** {@code Last-Modified} as sent: an IMF-fixdate. */
    public String lastModifiedHttpDate() {
        return IMF_FIXDATE.format(lastModified);
    }

    /** {@code Last-Modified} in epoch milliseconds (whole seconds), for APIs that take a number. */
    public long lastModifiedMillis() {
        return lastModified.toEpochMilli();
    }
}
