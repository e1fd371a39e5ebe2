package dev.iolab.plain.endpoints;

import dev.iolab.contract.ByteRange;
import dev.iolab.contract.Endpoints;
import dev.iolab.contract.FileNames;
import dev.iolab.contract.Limits;
import dev.iolab.contract.PercentDecoding;
import dev.iolab.plain.http.RequestHead;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** {@code GET|HEAD /files/{name}} (validators, 304, single ranges, 416) and {@code PUT /files/{name}} (atomic upload). */
final class FileHandler {

    private FileHandler() {
    }

    /** The file for a raw path segment: percent-decoded exactly once, then checked by {@link FileNames}; null when illegal. */
    static Path resolve(HttpConnection c, String rawName) {
        String name = PercentDecoding.decode(rawName, false);
        return name == null ? null : FileNames.resolve(c.context().dataDir(), name);
    }

    static Exchange get(HttpConnection c, String rawName) {
        Path file = resolve(c, rawName);
        if (file == null) {
            return FixedExchange.status(c, Endpoints.FILES_TEMPLATE, 404);
        }
        OpenFile open;
        try {
            open = OpenFile.open(file, c.context().asynchronousFiles());
        } catch (IOException e) {
            open = null;
        }
        if (open == null) {
            return FixedExchange.status(c, Endpoints.FILES_TEMPLATE, 404);
        }
        BasicFileAttributes attributes = open.attributes();
        long size = attributes.size(); // OpenFile checked it against the open channel: no fstat(2) here
        FileValidators.Version version = c.context().fileValidators().of(file, attributes);
        if (matches(c.head().header(RequestHead.IF_NONE_MATCH), version.etag())) {
            OpenFile.closeQuietly(open.channel(), open.asyncChannel());
            return FixedExchange.status(c, Endpoints.FILES_TEMPLATE, 304,
                    "ETag", version.etag(), "Last-Modified", version.lastModified());
        }
        ByteRange range = ByteRange.parse(c.head().header(RequestHead.RANGE), size);
        if (range.kind() == ByteRange.Kind.UNSATISFIABLE) {
            OpenFile.closeQuietly(open.channel(), open.asyncChannel());
            return FixedExchange.status(c, Endpoints.FILES_TEMPLATE, 416, "Content-Range", "bytes */" + size);
        }
        return new FileExchange(c, file, open, size, attributes.lastModifiedTime().toMillis(), version.etag(),
                version.lastModified(), range);
    }

    static Exchange put(HttpConnection c, String rawName) {
        Path file = resolve(c, rawName);
        if (file == null) {
            return FixedExchange.status(c, Endpoints.FILES_TEMPLATE, 400);
        }
        if (c.head().contentLength() > Limits.MAX_UPLOAD_BYTES) {
            return FixedExchange.status(c, Endpoints.FILES_TEMPLATE, 413).closing(); // never touch the old file
        }
        return new UploadExchange(c, file);
    }

    /** If-None-Match (RFC 9110 §13.1.2): {@code *} or a list of entity tags, compared weakly. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
