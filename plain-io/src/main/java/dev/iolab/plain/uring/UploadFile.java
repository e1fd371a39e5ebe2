package dev.iolab.plain.uring;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.nio.file.Path;

/**
 * An upload's temporary file as a descriptor of its own, for {@code IORING_OP_WRITE} submissions (the exchange's
 * {@code FileChannel} keeps the file's lock and is closed first, so closing this one never drops the lock early).
 */
record UploadFile(int fd) implements AutoCloseable {

    private static final int O_WRONLY = 1;
    private static final int O_CLOEXEC = 0x80000;
    private static final int ENOSPC = 28;
    private static final int EDQUOT = 122;

    /** open(2) on the loop thread, as {@link FileSplicer} opens files to send: io_uring could, this model does not. */
    static UploadFile open(Path file) throws IOException {
        try (Arena call = Arena.ofConfined()) {
            int fd = Libc.open(call.allocateFrom(file.toString()), O_WRONLY | O_CLOEXEC);
            if (fd < 0) {
                throw new IOException("open " + file + ": " + UringException.describe(-fd));
            }
            return new UploadFile(fd);
        }
    }

    /**
     * A failed write's {@code -errno} as the exception the JDK would throw for it: a full disk or a spent quota in
     * strerror(3)'s words, which is what the contract's {@code InsufficientStorage} recognises.
     */
    static IOException error(int result) {
        return new IOException(
                switch (-result) {
                    case ENOSPC -> "No space left on device";
                    case EDQUOT -> "Disk quota exceeded";
                    case 0 -> "write(2) wrote nothing";
                    default -> "write(2): " + UringException.describe(-result);
                });
    }

    @Override
    public void close() {
        Libc.close(fd);
    }
}
