package dev.iolab.blocking.files;

import dev.iolab.contract.ByteRange;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRange;

/**
 * Decides up front what Spring's range support would do with a request's {@code Range}, using the
 * same {@link HttpRange} parsing, so the two cases Spring handles poorly can be answered differently.
 */
final class Ranges {

    /** What to do with a request's Range header. */
    enum Verdict {
        NONE,
        SATISFIABLE,
        UNSATISFIABLE,
        IGNORED
    }

    private Ranges() {}

    static Verdict check(HttpServletRequest request, Resource file) {
        String header = request.getHeader(HttpHeaders.RANGE);
        if (header == null) {
            return Verdict.NONE; // (If-None-Match and If-Range were evaluated before, by the contract's Conditionals)
        }
        List<HttpRange> ranges;
        try {
            ranges = HttpRange.parseRanges(header);
        } catch (IllegalArgumentException e) {
            // Spring cannot read a position past Long.MAX_VALUE, which the contract's rule still reads as a
            // position: a start beyond the end is 416. Anything else Spring cannot read (an end or a suffix that
            // large included) is ignored, 200 with the whole file, as RFC 9110 §14.2 allows.
            boolean beyondTheEnd = contractRange(header, file).kind() == ByteRange.Kind.UNSATISFIABLE;
            return beyondTheEnd ? Verdict.UNSATISFIABLE : Verdict.IGNORED;
        }
        try {
            HttpRange.toResourceRegions(ranges, file);
            return Verdict.SATISFIABLE;
        } catch (IllegalArgumentException e) {
            // One range past the end is unsatisfiable; several that Spring refuses (e.g. overlapping to more
            // than the file) may be answered with the whole file (RFC 9110 §14.2).
            return ranges.size() == 1 ? Verdict.UNSATISFIABLE : Verdict.IGNORED;
        }
    }

    /** The request's Range read by the contract's own parser, which takes positions of any size. */
    private static ByteRange contractRange(String header, Resource file) {
        try {
            return ByteRange.parse(header, file.contentLength());
        } catch (IOException e) {
            return ByteRange.WHOLE;
        }
    }

    /** The file as a resource Spring sends whole: its range support skips {@link InputStreamResource}. */
    static Resource withoutRangeSupport(Resource file) {
        return new InputStreamResource(file::getInputStream);
    }
}
