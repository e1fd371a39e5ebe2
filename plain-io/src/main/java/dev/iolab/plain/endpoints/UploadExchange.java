package dev.iolab.plain.endpoints;

import dev.iolab.contract.Endpoints;
import dev.iolab.contract.InsufficientStorage;
import dev.iolab.contract.Limits;
import dev.iolab.contract.UploadPublisher;
import dev.iolab.contract.UploadTemporaries;
import dev.iolab.plain.endpoints.HttpConnection.Step;
import dev.iolab.plain.http.ResponseWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code PUT /files/{name}}: the body streams into a temporary file next to the target, which the contract's
 * {@link UploadPublisher} then puts in place atomically, so a reader sees the old file or the new one, never a part.
 * The exchange never writes the file itself: each slice of body in the input buffer becomes a {@code WRITE_FILE}
 * step ({@link FileSink}) that the model performs its own way, and the exchange consumes the slice once it is written.
 */
final class UploadExchange extends Exchange {

    private final Path target;
    private Path temp;
    private FileChannel channel;
    /** The model's own handle on the temporary file ({@link ServerContext#withFiles}), or null. */
    private AutoCloseable companion;
    /** Bytes in the temporary file so far: where the next slice goes. */
    private long written;
    /** The length of the slice out in a {@code WRITE_FILE} step, 0 when none is. */
    private int writing;

    private boolean started;
    private Exchange reply;

    UploadExchange(HttpConnection c, Path target) {
        super(c, Endpoints.FILES_TEMPLATE);
        this.target = target;
    }

    @Override
    Step advance(ByteBuffer in, ByteBuffer out) {
        if (reply != null) {
            return delegate(reply, in, out);
        }
        try {
            if (!started) {
                started = true;
                if (head().expectContinue()) {
                    ResponseWriter.interimContinue(out);
                }
                temp = UploadTemporaries.create(target.getParent());
                channel = UploadTemporaries.openLocked(temp);
                FileSink.Opener opener = context().uploadOpener();
                if (opener != null) {
                    companion = opener.open(temp);
                }
            }
            if (writing > 0 && !written(in)) {
                return Step.WRITE_FILE;
            }
            while (true) {
                switch (decoder().next(in)) {
                    case BODY -> {
                        int n = decoder().bodyAvailable();
                        if (decoder().bodyReceived() + decoder().declaredRemaining() > Limits.MAX_UPLOAD_BYTES) {
                            // Chunked past the limit: drop the temporary file, the old one stays untouched.
                            discard();
                            return answer(
                                    FixedExchange.status(connection, uri, 413).closing(), in, out);
                        }
                        if (n == 0) {
                            continue;
                        }
                        writing = n;
                        connection.fileSink().set(temp, channel, companion, written, in, in.position(), n);
                        return Step.WRITE_FILE;
                    }
                    case END -> {
                        requestComplete = true;
                        closeFiles();
                        Path complete = temp;
                        temp = null;
                        boolean created =
                                UploadPublisher.publish(complete, target) == UploadPublisher.Published.CREATED;
                        return answer(FixedExchange.status(connection, uri, created ? 201 : 204), in, out);
                    }
                    case NEED_MORE -> {
                        return Step.READ;
                    }
                    default -> {
                        discard(); // malformed body: nothing is stored
                        return answer(
                                FixedExchange.status(connection, uri, decoder().errorStatus())
                                        .closing(),
                                in,
                                out);
                    }
                }
            }
        } catch (IOException e) {
            discard();
            // Disk full is the client's to know (507, RFC 4918 §11.5); anything else is the server's fault.
            int status = InsufficientStorage.is(e) ? InsufficientStorage.STATUS : 500;
            return answer(FixedExchange.status(connection, uri, status).closing(), in, out);
        }
    }

    /**
     * After a {@code WRITE_FILE} step: true once the model wrote the whole slice, which is then consumed from the
     * input buffer; false while bytes remain; throws the model's error (a full disk among them).
     */
    private boolean written(ByteBuffer in) throws IOException {
        FileSink sink = connection.fileSink();
        if (sink.error() != null) {
            throw sink.error();
        }
        if (sink.remaining() > 0) {
            return false;
        }
        int n = writing;
        writing = 0;
        written += n;
        in.position(in.position() + n);
        decoder().bodyConsumed(n);
        return true;
    }

    /** Closes the channel (which holds the temporary file's lock) and then the model's handle. */
    private void closeFiles() throws IOException {
        connection.fileSink().clear();
        try {
            if (channel != null) {
                channel.close();
            }
        } finally {
            channel = null;
            AutoCloseable c = companion;
            companion = null;
            if (c != null) {
                try {
                    c.close();
                } catch (IOException | RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IOException(e);
                }
            }
        }
    }

    private Step answer(Exchange r, ByteBuffer in, ByteBuffer out) {
        reply = r;
        return delegate(r, in, out);
    }

    private void discard() {
        writing = 0;
        try {
            closeFiles();
        } catch (IOException ignored) {
            // best effort, as below
        }
        try {
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        } catch (IOException ignored) {
            // best effort: a stray temporary file is harmless (dot name, never served)
        }
        temp = null;
    }

    @Override
    void release() {
        discard();
    }
}
