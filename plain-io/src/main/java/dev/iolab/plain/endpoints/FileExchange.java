package dev.iolab.plain.endpoints;

import dev.iolab.contract.ByteRange;
import dev.iolab.contract.Endpoints;
import dev.iolab.contract.FileVersion;
import dev.iolab.contract.MediaTypes;
import dev.iolab.plain.endpoints.HttpConnection.Step;
import dev.iolab.plain.http.ResponseWriter;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.file.Path;

/** A file response: the head from this class, the bytes moved by the transport as a {@link FileRegion}. */
final class FileExchange extends Exchange {

    private final Path file;
    private final FileVersion version;
    private final long size;
    private final long modified;
    private final String etag;
    private final String lastModified;
    private final ByteRange range;
    private boolean headWritten;

    FileExchange(
            HttpConnection c,
            Path file,
            FileVersion version,
            long size,
            long modified,
            String etag,
            String lastModified,
            ByteRange range) {
        super(c, Endpoints.FILES_TEMPLATE);
        this.file = file;
        this.version = version;
        this.size = size;
        this.modified = modified;
        this.etag = etag;
        this.lastModified = lastModified;
        this.range = range;
    }

    @Override
    Step advance(ByteBuffer in, ByteBuffer out) {
        if (!headWritten) {
            headWritten = true;
            boolean partial = range.kind() == ByteRange.Kind.SINGLE;
            long first = partial ? range.start() : 0;
            long length = partial ? range.length() : size;
            beginHead(out, partial ? 206 : 200);
            ResponseWriter.field(
                    out,
                    "Content-Type",
                    MediaTypes.forFileName(file.getFileName().toString()));
            ResponseWriter.field(out, "Accept-Ranges", "bytes");
            ResponseWriter.field(out, "ETag", etag);
            ResponseWriter.field(out, "Last-Modified", lastModified);
            if (partial) {
                ResponseWriter.field(out, "Content-Range", "bytes " + range.start() + "-" + range.end() + "/" + size);
            }
            ResponseWriter.contentLength(out, length);
            ResponseWriter.end(out);
            if (!head().is("HEAD") && length > 0) {
                connection
                        .file()
                        .set(
                                file,
                                version.channel(),
                                (AsynchronousFileChannel) version.companion(),
                                first,
                                length,
                                size,
                                modified,
                                version.attributes().fileKey());
                return Step.SEND_FILE;
            }
        }
        if (connection.file().remaining() > 0 && !head().is("HEAD")) {
            return Step.SEND_FILE;
        }
        return drainRequest(in);
    }

    @Override
    void release() {
        connection.file().set(null, null, null, 0, 0, 0, 0, null);
        version.close();
    }
}
