package dev.iolab.plain.uring;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import dev.iolab.plain.endpoints.FileRegion;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A file response without a copy through user space: io_uring splices file pages into a pipe, then the pipe
 * into the socket (sendfile(2) is that same pair inside the kernel). The pipe belongs to the connection and
 * is empty between responses.
 */
final class FileSplicer {

    private static final int O_RDONLY = 0;
    private static final int O_CLOEXEC = 0x80000;
    private static final int F_SETPIPE_SZ = 1031;
    private static final int F_GETPIPE_SZ = 1032;
    /** Bigger than the default 64 KiB: fewer round trips per file; the kernel may grant less. */
    private static final int PIPE_BYTES = 256 * 1024;

    private final int socket;
    private int pipeRead = -1;
    private int pipeWrite = -1;
    private int pipeCapacity;
    private int file = -1;
    private FileRegion region;
    /** Bytes spliced into the pipe and not yet out of it. */
    private long inPipe;

    FileSplicer(int socket) {
        this.socket = socket;
    }

    /** What {@link #begin} found. */
    enum Start {
        /** The path still names the opened version: splice from it. */
        SPLICE,
        /** The path names another version now (an upload replaced it after the head went out). */
        REPLACED,
        /** No pipe or no file descriptor. */
        FAILED
    }

    /**
     * Opens the region's file by path for splicing (splice needs a descriptor of its own) and checks it is the version
     * the head described: the same device and inode as the version the exchange opened, and its size. An upload never
     * writes into a published file, it replaces it (a new inode), so the same inode means the same bytes.
     */
    Start begin(FileRegion region) {
        this.region = region;
        this.inPipe = 0;
        try (Arena call = Arena.ofConfined()) {
            if (pipeRead < 0 && !openPipe(call)) {
                return Start.FAILED;
            }
            int fd = Libc.open(call.allocateFrom(region.path().toString()), O_RDONLY | O_CLOEXEC);
            if (fd < 0) {
                return region.fileKey() == null ? Start.FAILED : Start.REPLACED; // deleted meanwhile
            }
            file = fd;
            return sameVersion(fd, region) ? Start.SPLICE : Start.REPLACED;
        }
    }

    /** Whether descriptor {@code fd} is the region's version: /proc/self/fd/N resolves to the open file itself. */
    private static boolean sameVersion(int fd, FileRegion region) {
        try {
            BasicFileAttributes opened =
                    Files.readAttributes(Path.of("/proc/self/fd", Integer.toString(fd)), BasicFileAttributes.class);
            return opened.size() == region.fileSize()
                    && region.fileKey() != null
                    && region.fileKey().equals(opened.fileKey());
        } catch (IOException e) {
            return false;
        }
    }

    private boolean openPipe(Arena call) {
        MemorySegment fds = call.allocate(JAVA_INT, 2);
        if (Libc.pipe2(fds, O_CLOEXEC) != 0) {
            return false;
        }
        pipeRead = fds.getAtIndex(JAVA_INT, 0);
        pipeWrite = fds.getAtIndex(JAVA_INT, 1);
        int granted = Libc.fcntl(pipeWrite, F_SETPIPE_SZ, PIPE_BYTES);
        pipeCapacity = granted > 0 ? granted : Math.max(4096, Libc.fcntl(pipeWrite, F_GETPIPE_SZ, 0));
        return true;
    }

    /** The next splice: empty the pipe into the socket first, else fill it from the file. */
    int nextOp() {
        return inPipe > 0 ? UringConnection.SPLICE_OUT : UringConnection.SPLICE_IN;
    }

    void prepare(MemorySegment sqe, long userData) {
        if (inPipe > 0) {
            Sqe.splice(sqe, pipeRead, Sqe.NO_OFFSET, socket, Sqe.NO_OFFSET, (int) inPipe, userData);
        } else {
            int length = (int) Math.min(region.remaining(), pipeCapacity);
            Sqe.splice(sqe, file, region.position(), pipeWrite, Sqe.NO_OFFSET, length, userData);
        }
    }

    /** A splice moved {@code n} bytes (n > 0). */
    boolean moved(int op, int n) {
        if (op == UringConnection.SPLICE_IN) {
            region.advance(n);
            inPipe += n;
        } else {
            inPipe -= n;
        }
        return inPipe >= 0;
    }

    boolean done() {
        return region.remaining() == 0 && inPipe == 0;
    }

    /** The response's bytes are all out: the file is closed, the pipe (now empty) kept for the next one. */
    void finish() {
        closeFile();
        region = null;
    }

    void close() {
        closeFile();
        if (pipeRead >= 0) {
            Libc.close(pipeRead);
            Libc.close(pipeWrite);
            pipeRead = -1;
            pipeWrite = -1;
        }
    }

    private void closeFile() {
        if (file >= 0) {
            Libc.close(file);
            file = -1;
        }
    }
}
