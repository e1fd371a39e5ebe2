package dev.iolab.plain.endpoints;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * Request body bytes an upload still has to write to its file, the mirror of {@link FileRegion}: the bytes sit in
 * the connection's input buffer, which the transport must leave alone until it has written them all (reporting
 * progress with {@link #wrote}) or failed ({@link #failed}), however the model writes (a blocking write(2), an
 * {@code AsynchronousFileChannel}, an io_uring submission).
 */
public final class FileSink {

    /** Opens a second handle on an upload's file for a model that writes through something else than a FileChannel. */
    public interface Opener {
        AutoCloseable open(Path file) throws IOException;
    }

    private Path path;
    private FileChannel channel;
    private AutoCloseable companion;
    /** The connection's input buffer, and a view of it with its own position and limit (made once, reused). */
    private ByteBuffer in;

    private ByteBuffer view;
    private long position;
    private int offset;
    private int remaining;
    private IOException error;

    /** The next write: {@code length} bytes at {@code offset} of {@code in}, to the file at {@code position}. */
    void set(
            Path path,
            FileChannel channel,
            AutoCloseable companion,
            long position,
            ByteBuffer in,
            int offset,
            int length) {
        this.path = path;
        this.channel = channel;
        this.companion = companion;
        this.position = position;
        this.offset = offset;
        this.remaining = length;
        this.error = null;
        if (this.in != in) {
            this.in = in;
            this.view = in.duplicate();
        }
    }

    /** No write is pending: the upload ended (its files are closed by the exchange). */
    void clear() {
        path = null;
        channel = null;
        companion = null;
        remaining = 0;
        error = null;
    }

    /** The file (the temporary upload), for a model that opens it itself. */
    public Path path() {
        return path;
    }

    /** The open file, for a synchronous write; the exchange owns and closes it. */
    public FileChannel channel() {
        return channel;
    }

    /** What the model's {@link Opener} returned for this upload (closed by the exchange after the channel), or null. */
    public <T> T companion(Class<T> type) {
        return type.cast(companion);
    }

    /** Where the next byte goes in the file. */
    public long position() {
        return position;
    }

    /** The index of the next byte to write in the connection's input buffer (for a model that hands the kernel an address). */
    public int offset() {
        return offset;
    }

    public int remaining() {
        return remaining;
    }

    /** The bytes still to write, as a view of the input buffer (its position and limit are the view's own). */
    public ByteBuffer source() {
        return view.limit(offset + remaining).position(offset);
    }

    /** The model wrote {@code n} more bytes. */
    public void wrote(int n) {
        position += n;
        offset += n;
        remaining -= n;
    }

    /**
     * Writes the rest with pwrite(2) on the calling thread, blocking as long as the page cache or the disk takes (the
     * models without a file write of their own); a failure is recorded for the exchange to answer (507 on a full disk).
     */
    public void writeOnThisThread() {
        try {
            while (remaining > 0) {
                wrote(channel.write(source(), position));
            }
        } catch (IOException e) {
            failed(e);
        }
    }

    /** The write failed: the exchange answers for it (507 on a full disk) when it advances next. */
    public void failed(IOException e) {
        error = e;
    }

    IOException error() {
        return error;
    }
}
