package dev.iolab.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Streams a generated request body on its own thread while the test reads the response, so a server that
 * answers early (413) is heard instead of deadlocking or losing its answer to a connection reset.
 */
public final class BodyWriter implements AutoCloseable {

    private final RawConnection connection;
    private final Thread thread;
    private final AtomicLong written = new AtomicLong();
    private volatile IOException failure;

    private BodyWriter(RawConnection connection, InputStream body, boolean chunked) {
        this.connection = connection;
        OutputStream out = connection.output();
        this.thread = Thread.ofPlatform()
                .daemon()
                .name("conformance-body-writer")
                .start(() -> {
                    // One write per chunk (size line, data and CRLF together), the way ordinary clients send; the
                    // rules about bodies arriving in awkward pieces send those pieces on purpose.
                    byte[] buf = new byte[64 * 1024];
                    byte[] frame = new byte[buf.length + 16];
                    try (body) {
                        for (int n = body.read(buf); n > 0; n = body.read(buf)) {
                            if (chunked) {
                                byte[] size = (Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                                System.arraycopy(size, 0, frame, 0, size.length);
                                System.arraycopy(buf, 0, frame, size.length, n);
                                frame[size.length + n] = '\r';
                                frame[size.length + n + 1] = '\n';
                                out.write(frame, 0, size.length + n + 2);
                            } else {
                                out.write(buf, 0, n);
                            }
                            written.addAndGet(n);
                        }
                        if (chunked) {
                            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                        }
                        out.flush();
                    } catch (IOException e) {
                        failure = e; // the server stopped reading: expected when it answers early
                    }
                });
    }

    /** Starts writing {@code body} (as is, or in 64 KiB chunks when {@code chunked}) to the connection. */
    public static BodyWriter start(RawConnection connection, InputStream body, boolean chunked) {
        return new BodyWriter(connection, body, chunked);
    }

    public long written() {
        return written.get();
    }

    public IOException failure() {
        return failure;
    }

    /** Closes the connection (which stops a writer the server no longer reads from) and waits for the thread. */
    @Override
    public void close() {
        connection.close();
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
