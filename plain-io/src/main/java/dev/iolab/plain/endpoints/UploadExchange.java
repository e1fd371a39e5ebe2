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
 */
final class UploadExchange extends Exchange {

    private final Path target;
    private Path temp;
    private FileChannel channel;
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
                        write(in, n);
                    }
                    case END -> {
                        requestComplete = true;
                        channel.close();
                        channel = null;
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

    /** Writes the next {@code n} body bytes straight from the input buffer to the file. */
    private void write(ByteBuffer in, int n) throws IOException {
        int limit = in.limit();
        in.limit(in.position() + n);
        try {
            while (in.hasRemaining()) {
                channel.write(in);
            }
        } finally {
            in.limit(limit);
        }
        decoder().bodyConsumed(n);
    }

    private Step answer(Exchange r, ByteBuffer in, ByteBuffer out) {
        reply = r;
        return delegate(r, in, out);
    }

    private void discard() {
        try {
            if (channel != null) {
                channel.close();
            }
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        } catch (IOException ignored) {
            // best effort: a stray temporary file is harmless (dot name, never served)
        }
        channel = null;
        temp = null;
    }

    @Override
    void release() {
        discard();
    }
}
