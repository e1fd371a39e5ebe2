package dev.iolab.plain.blocking;

import dev.iolab.contract.Limits;
import dev.iolab.plain.endpoints.FileRegion;
import dev.iolab.plain.endpoints.HttpConnection;
import dev.iolab.plain.endpoints.HttpConnection.Step;
import dev.iolab.plain.endpoints.LoopActivity;
import dev.iolab.plain.endpoints.ServerContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;

/**
 * One connection of the blocking model, run by its own thread: every step is a call that blocks until
 * done: read(2) into a buffer, write(2) from it, file bytes copied through a user-space buffer, upload bytes written
 * to their file with write(2), sleep for delay.
 */
final class BlockingConnection {

    private static final int IN_BYTES = 16 * 1024;
    private static final int OUT_BYTES = 32 * 1024;

    private final Socket socket;
    private final HttpConnection http;
    private final LoopActivity activity;
    private final ByteBuffer in = ByteBuffer.allocate(IN_BYTES).flip();
    private final ByteBuffer out = ByteBuffer.allocate(OUT_BYTES);
    private byte[] fileBuffer;
    /** When the write(2) blocked now started ({@link System#nanoTime}), 0 while not writing: read by the watchdog. */
    private volatile long writingSince;

    BlockingConnection(Socket socket, ServerContext context, LoopActivity activity) {
        this.socket = socket;
        this.activity = activity;
        this.http = new HttpConnection(context);
    }

    void run() {
        try (socket;
                InputStream input = socket.getInputStream();
                OutputStream output = socket.getOutputStream()) {
            while (true) {
                Step step = http.advance(in, out);
                flush(output);
                switch (step) {
                    case READ -> {
                        if (!read(input)) {
                            return;
                        }
                    }
                    case WRITE -> {
                        // flushed above
                    }
                    case SEND_FILE -> copyFile(output);
                    case WRITE_FILE -> http.fileSink().writeOnThisThread(); // pwrite(2) blocks this thread too
                    case WAIT -> Thread.sleep(Math.max(0, (http.wakeAtNanos() - System.nanoTime()) / 1_000_000) + 1);
                    case CLOSE -> {
                        return;
                    }
                }
            }
        } catch (IOException | InterruptedException e) {
            // peer gone, timeout or shutdown: the connection just ends
        } finally {
            http.close();
        }
    }

    /** Blocks in read(2) until bytes arrive, the peer closes (false) or the connection's timeout passes (false). */
    private boolean read(InputStream input) throws IOException {
        in.compact();
        try {
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, http.readTimeoutMillis(System.nanoTime())));
            int n = input.read(in.array(), in.arrayOffset() + in.position(), in.remaining());
            activity.woke(n > 0 ? 1 : 0); // the thread's blocking wait returned
            if (n < 0) {
                return false;
            }
            in.position(in.position() + n);
            return true;
        } catch (SocketTimeoutException e) {
            return false; // idle keep-alive or a too slow request head (slowloris)
        } finally {
            in.flip();
        }
    }

    /** How long the current write(2) has been blocked at {@code now}, 0 when none is. */
    long writeBlockedFor(long now) {
        long since = writingSince;
        return since == 0 ? 0 : now - since;
    }

    /** Closes the socket, which ends a blocked write(2) with an error (the client stopped reading). */
    void abort() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    /** write(2) of all of {@code bytes}, timed for the watchdog. */
    private void write(OutputStream output, byte[] bytes, int offset, int length) throws IOException {
        writingSince = System.nanoTime() | 1; // never 0 while writing
        try {
            output.write(bytes, offset, length);
        } finally {
            writingSince = 0;
        }
    }

    private void flush(OutputStream output) throws IOException {
        if (out.position() > 0) {
            write(output, out.array(), out.arrayOffset(), out.position());
            out.clear();
            http.touch();
        }
    }

    /** The classic copy: read(2) the file into a user-space buffer, write(2) it to the socket, repeat. */
    private void copyFile(OutputStream output) throws IOException {
        if (fileBuffer == null) {
            fileBuffer = new byte[Limits.STREAM_BUFFER_BYTES];
        }
        FileRegion region = http.file();
        ByteBuffer buffer = ByteBuffer.wrap(fileBuffer);
        while (region.remaining() > 0) {
            buffer.clear().limit((int) Math.min(fileBuffer.length, region.remaining()));
            int n = region.channel().read(buffer, region.position());
            if (n < 0) {
                throw new IOException("file shrank while being sent");
            }
            write(output, fileBuffer, 0, n);
            region.advance(n);
            http.touch();
        }
    }
}
