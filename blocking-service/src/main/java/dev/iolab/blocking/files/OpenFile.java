package dev.iolab.blocking.files;

import dev.iolab.contract.FileValidators;
import dev.iolab.contract.FileVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import org.springframework.core.io.AbstractResource;

/**
 * A {@link FileVersion} as a Spring {@link org.springframework.core.io.Resource}: Spring's range support
 * reads the same inode that the length and ETag describe, even if an upload renames a new file over it.
 * Each stream reads with its own position ({@link FileChannel#read(ByteBuffer, long)}), so the several
 * regions of a multipart/byteranges answer can each open one; the channel is closed by {@link #close()}.
 */
public final class OpenFile extends AbstractResource implements AutoCloseable {

    private final String name;
    private final FileVersion version;
    private final FileChannel channel;
    private final long size;

    OpenFile(String name, FileVersion version) {
        this.name = name;
        this.version = version;
        this.channel = version.channel();
        this.size = version.size();
    }

    /** The version this resource reads. */
    FileVersion version() {
        return version;
    }

    /** The version's validators, by the contract's one formula. */
    public FileValidators validators() {
        return version.validators();
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
    public void close() {
        version.close();
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
