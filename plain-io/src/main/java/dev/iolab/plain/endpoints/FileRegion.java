package dev.iolab.plain.endpoints;

import java.nio.channels.AsynchronousFileChannel;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * A part of a file a response still has to send. The transport decides how the bytes move (a copy through
 * a user-space buffer, sendfile, an asynchronous read, a memory mapping) and reports progress with {@link #advance}.
 */
public final class FileRegion {

    private Path path;
    private FileChannel channel;
    private AsynchronousFileChannel asyncChannel;
    private long position;
    private long remaining;
    private long fileSize;
    private long lastModified;
    private Object fileKey;

    void set(
            Path path,
            FileChannel channel,
            AsynchronousFileChannel asyncChannel,
            long position,
            long count,
            long fileSize,
            long lastModified,
            Object fileKey) {
        this.path = path;
        this.channel = channel;
        this.asyncChannel = asyncChannel;
        this.position = position;
        this.remaining = count;
        this.fileSize = fileSize;
        this.lastModified = lastModified;
        this.fileKey = fileKey;
    }

    public Path path() {
        return path;
    }

    /** The open file (read-only); the region owns it until the response ends. */
    public FileChannel channel() {
        return channel;
    }

    /** The same file as an {@link AsynchronousFileChannel}, when the model asked for one (aio), else null. */
    public AsynchronousFileChannel asyncChannel() {
        return asyncChannel;
    }

    /** Where the next byte to send sits in the file. */
    public long position() {
        return position;
    }

    public long remaining() {
        return remaining;
    }

    /** Size and modification time of the file as it was opened: a cache key for mappings. */
    public long fileSize() {
        return fileSize;
    }

    public long lastModified() {
        return lastModified;
    }

    /**
     * The opened version's identity ({@link java.nio.file.attribute.BasicFileAttributes#fileKey}: device and inode), for
     * a transport that reopens the file by path and must check it still names the same version; null when unknown.
     */
    public Object fileKey() {
        return fileKey;
    }

    /** The transport sent {@code n} more bytes. */
    public void advance(long n) {
        position += n;
        remaining -= n;
    }
}
