package dev.iolab.reactive.files;

import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A file's validators (RFC 9110 §8.8): a strong ETag from size and modification time in nanoseconds (an atomic
 * rename always changes one of them), and Last-Modified in whole seconds.
 */
public record FileValidators(String etag, Instant lastModified) {

    public static FileValidators of(BasicFileAttributes attributes) {
        Instant modified = attributes.lastModifiedTime().toInstant();
        long nanos = modified.getEpochSecond() * 1_000_000_000L + modified.getNano();
        String etag = "\"" + Long.toHexString(attributes.size()) + "-" + Long.toHexString(nanos) + "\"";
        return new FileValidators(etag, modified.truncatedTo(ChronoUnit.SECONDS));
    }

    /** True when {@code ifNoneMatch} names this ETag or is {@code *}: weak comparison, as §13.1.2 requires. */
    public boolean matchesNoneMatch(String ifNoneMatch) {
        if (ifNoneMatch == null) {
            return false;
        }
        String opaque = etag;
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    /** True when an {@code If-Range} value still names this representation (strong comparison, §13.1.5). */
    public boolean matchesIfRange(String ifRange) {
        return ifRange == null || ifRange.strip().equals(etag);
    }
}
