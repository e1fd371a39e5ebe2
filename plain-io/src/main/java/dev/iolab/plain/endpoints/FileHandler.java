package dev.iolab.plain.endpoints;

import dev.iolab.contract.ByteRange;
import dev.iolab.contract.Conditionals;
import dev.iolab.contract.Endpoints;
import dev.iolab.contract.FileNames;
import dev.iolab.contract.FileValidators;
import dev.iolab.contract.FileVersion;
import dev.iolab.contract.Limits;
import dev.iolab.contract.PercentDecoding;
import dev.iolab.plain.http.RequestHead;
import java.io.IOException;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** {@code GET|HEAD /files/{name}} (the contract's file version, validators and conditionals; single ranges, 416) and {@code PUT /files/{name}} (atomic upload). */
final class FileHandler {

    /** The aio model reads files through an {@link AsynchronousFileChannel} opened on the same version. */
    private static final FileVersion.Companion ASYNCHRONOUS =
            path -> AsynchronousFileChannel.open(path, StandardOpenOption.READ);

    private FileHandler() {}

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
        FileVersion version;
        try {
            version = FileVersion.open(file, c.context().asynchronousFiles() ? ASYNCHRONOUS : null);
        } catch (IOException e) {
            // never a channel paired with another version's attributes: an unsettled file is an error
            return FixedExchange.status(c, Endpoints.FILES_TEMPLATE, 500).closing();
        }
        if (version == null) {
            return FixedExchange.status(c, Endpoints.FILES_TEMPLATE, 404);
        }
        long size = version.size(); // FileVersion checked it against the open channel: no fstat(2) here
        FileValidators validators = c.context().validators().of(file, version.attributes());
        RequestHead head = c.head();
        if (Conditionals.notModified(
                head.header(RequestHead.IF_NONE_MATCH), head.header(RequestHead.IF_MODIFIED_SINCE), validators)) {
            version.close();
            return FixedExchange.status(
                    c,
                    Endpoints.FILES_TEMPLATE,
                    304,
                    "ETag",
                    validators.etag(),
                    "Last-Modified",
                    validators.lastModifiedHttpDate());
        }
        // RFC 9110 §14.2: Range is for GET only; §13.1.5: an If-Range naming another version means the whole file
        ByteRange range = head.is("GET") && Conditionals.rangeApplies(head.header(RequestHead.IF_RANGE), validators)
                ? ByteRange.parse(head.header(RequestHead.RANGE), size)
                : ByteRange.WHOLE;
        if (range.kind() == ByteRange.Kind.UNSATISFIABLE) {
            version.close();
            return FixedExchange.status(c, Endpoints.FILES_TEMPLATE, 416, "Content-Range", "bytes */" + size);
        }
        return new FileExchange(
                c,
                file,
                version,
                size,
                version.attributes().lastModifiedTime().toMillis(),
                validators.etag(),
                validators.lastModifiedHttpDate(),
                range);
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
}
