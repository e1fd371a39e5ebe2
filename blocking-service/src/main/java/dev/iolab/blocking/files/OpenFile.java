package dev.iolab.blocking.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;
import org.springframework.core.io.AbstractResource;

/**
 * A file already open, as a Spring {@link org.springframework.core.io.Resource}: Spring's range support
 * reads the same inode that the length and ETag describe, even if an upload renames a new file over it.
 * Each stream reads with its own position ({@link FileChannel#read(ByteBuffer, long)}), so the several
 * regions of a multipart/byteranges answer can each open one; the channel is closed by {@link #close()}.
 */
public final class OpenFile extends AbstractResource implements AutoCloseable {

    private final String name;
    private final FileChannel channel;
    private final long size;
    private final BasicFileAttributes attributes;

    OpenFile(String name, FileChannel channel, BasicFileAttributes attributes) throws IOException {
        this.name = name;
        this.channel = channel;
        this.size = channel.size();
        this.attributes = attributes;
    }

    /** A strong validator: size, modification time and inode, so any replacement changes it. */
    public String etag() {
        Object key = attributes.fileKey();
        return "\"" + Long.toHexString(size) + "-" + Long.toHexString(attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS))
                + "-" + Integer.toHexString(key != null ? key.hashCode() : 0) + "\"";
    }

    public long lastModified() {
        return attributes.lastModifiedTime().toMillis();
    }

    @Override
    public long contentLength() {
        return size;
    }

    @Override
    public String getFilename() {
        return name;
    }

    @Override
    public String getDescription() {
        return "open file [" + name + "]";
    }

    @Override
    public InputStream getInputStream() {
        return new PositionalStream();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** Reads the channel from its own offset up to the size seen at open; closing it leaves the channel open. */
    private final class PositionalStream extends InputStream {
        private long position;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == 1 ? one[0] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (position >= size) {
                return -1;
            }
            int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, size - position)), position);
            if (n > 0) {
                position += n;
            }
            return n;
        }

        @Override
        public long skip(long n) {
            long skipped = Math.clamp(n, 0, size - position);
            position += skipped;
            return skipped;
        }

        @Override
        public int available() {
            return (int) Math.min(Integer.MAX_VALUE, size - position);
        }
    }
}
