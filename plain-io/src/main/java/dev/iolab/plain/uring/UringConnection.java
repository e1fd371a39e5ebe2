package dev.iolab.plain.uring;

import dev.iolab.plain.endpoints.FileRegion;
import dev.iolab.plain.endpoints.FileSink;
import dev.iolab.plain.endpoints.HttpConnection;
import dev.iolab.plain.endpoints.HttpConnection.Step;
import dev.iolab.plain.endpoints.ServerContext;
import dev.iolab.plain.mmap.MappedFiles;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;

/**
 * One connection of the io_uring model: the endpoint state machine driven by completions. Each step becomes one
 * submission (recv, send, a splice pair for a file, a write of upload bytes to their file, a timeout for a delay) and
 * its completion moves the machine on; at most one socket or file operation is in flight, so the buffers it uses are
 * the kernel's until that completion arrives.
 */
final class UringConnection {

    static final int RECV = 1;
    static final int SEND = 2;
    static final int SPLICE_IN = 3;
    static final int SPLICE_OUT = 4;
    static final int TIMEOUT = 5;
    static final int CANCEL = 6;
    static final int WRITE_FILE = 7;
    static final int SEND_MAPPED = 8;

    /** The files' mappings, one per version, shared with every loop: mapped once, each response sends from it. */
    private static final MappedFiles MAPPINGS = new MappedFiles();
    /** Cleared for good the first time the kernel refuses {@code IORING_OP_SEND_ZC} ({@link #zeroCopyRefused}): splice then. */
    private static volatile boolean zeroCopySend = true;

    private static final int IN_BYTES = 16 * 1024;
    private static final int OUT_BYTES = 32 * 1024;

    private final UringLoop loop;
    private final int slot;
    private final int fd;
    private final HttpConnection http;
    /** Confined to the loop thread; closed only once no submission refers to it any more. */
    private final Arena arena = Arena.ofConfined();

    private final MemorySegment inMemory;
    private final MemorySegment outMemory;
    private final MemorySegment timespec;
    private final ByteBuffer in;
    private final ByteBuffer out;
    private final FileSplicer splicer;
    private Step pending = Step.READ;
    private int inFlight;
    private boolean timerInFlight;
    private boolean corked;
    /** The current file response goes through user space: its path names another version than the one opened. */
    private boolean copyingFile;
    /** The mapping the current file response is sent from by zero-copy sends; null when it is spliced. */
    private MappedByteBuffer mapping;

    private boolean closing;
    private boolean released;

    UringConnection(UringLoop loop, int slot, int fd, ServerContext context) {
        this.loop = loop;
        this.slot = slot;
        this.fd = fd;
        this.inMemory = arena.allocate(IN_BYTES, 64);
        this.outMemory = arena.allocate(OUT_BYTES, 64);
        this.timespec = arena.allocate(16, 8);
        this.in = inMemory.asByteBuffer().flip();
        this.out = outMemory.asByteBuffer();
        this.splicer = new FileSplicer(fd);
        this.http = new HttpConnection(context);
    }

    /** Starts the connection: the request may already be there, so the first step is a recv. */
    void start() {
        run(false);
    }

    /**
     * Makes progress until an operation has to be submitted: {@code stepDone} says the pending step just
     * completed, so the state machine advances first.
     */
    private void run(boolean stepDone) {
        if (stepDone) {
            pending = http.advance(in, out);
        }
        while (!closing) {
            // Cork before a file response's head leaves, like the epoll model: head and body share segments.
            if (pending == Step.SEND_FILE && !corked) {
                corked = Libc.setsockopt(fd, UringSocket.IPPROTO_TCP, UringSocket.TCP_CORK, 1) == 0;
            }
            if (out.position() > 0) { // pending output first: a response is written before anything else happens
                submit(SEND);
                Sqe.send(loop.sqe(), fd, outMemory.address(), out.position(), userData(SEND));
                return;
            }
            switch (pending) {
                case READ -> {
                    in.compact();
                    int held = in.position();
                    in.flip();
                    if (held == IN_BYTES) {
                        close(); // the codec bounds a head well below the buffer: a full buffer is a broken peer
                        return;
                    }
                    submit(RECV);
                    Sqe.recv(loop.sqe(), fd, inMemory.address() + held, IN_BYTES - held, userData(RECV));
                    return;
                }
                case SEND_FILE -> {
                    FileRegion file = http.file();
                    if (file.remaining() == 0) {
                        copyingFile = false;
                        mapping = null;
                        splicer.finish();
                        uncork();
                        pending = http.advance(in, out);
                        continue;
                    }
                    if (mapping != null || (!copyingFile && map(file))) {
                        sendMapped(file);
                        return;
                    }
                    if (!copyingFile) {
                        switch (splicer.begin(file)) {
                            case SPLICE -> {
                                spliceNext();
                                return;
                            }
                            case REPLACED -> copyingFile = true;
                            case FAILED -> {
                                close();
                                return;
                            }
                        }
                    }
                    // An upload replaced the file after the head went out: the bytes of the version the head
                    // describes are only in the channel the exchange opened, so they go through user space.
                    if (!copyFileChunk(file)) {
                        close();
                        return;
                    }
                    continue; // the chunk is pending output: sent first
                }
                case WRITE_FILE -> {
                    if (http.fileSink().remaining() > 0) {
                        writeFile(http.fileSink());
                        return;
                    }
                }
                case WAIT -> {
                    long left = http.wakeAtNanos() - System.nanoTime();
                    if (left > 0) {
                        timespec.set(java.lang.foreign.ValueLayout.JAVA_LONG, 0, left / 1_000_000_000L);
                        timespec.set(java.lang.foreign.ValueLayout.JAVA_LONG, 8, left % 1_000_000_000L);
                        submit(TIMEOUT);
                        timerInFlight = true;
                        Sqe.timeout(loop.sqe(), timespec.address(), userData(TIMEOUT));
                        return;
                    }
                }
                case CLOSE -> {
                    close();
                    return;
                }
                case WRITE -> {
                    // the flush above was the step
                }
            }
            pending = http.advance(in, out);
        }
    }

    /** One completion of this connection's submissions (a zero-copy send's notification never reaches here). */
    void complete(int op, int result) {
        inFlight--;
        if (op == TIMEOUT) {
            timerInFlight = false;
        }
        if (closing) {
            releaseWhenIdle();
            return;
        }
        switch (op) {
            case RECV -> {
                if (result <= 0) { // 0: the peer closed; negative: reset, shut down by a sweep
                    close();
                    return;
                }
                in.limit(in.limit() + result);
                run(true);
            }
            case SEND -> {
                if (result < 0) {
                    close();
                    return;
                }
                out.flip().position(result);
                out.compact();
                http.touch();
                run(false); // either more output, or on to the pending step
            }
            case SEND_MAPPED -> {
                FileRegion file = http.file();
                if (zeroCopyRefused(result)) {
                    // No SEND_ZC here (before Linux 6.0), or its pinned pages are over RLIMIT_MEMLOCK (an unprivileged
                    // process, a container): this response goes on by splice from where it is, and so does every later
                    // one.
                    zeroCopySend = false;
                    mapping = null;
                    run(false);
                    return;
                }
                if (result < 0) {
                    close();
                    return;
                }
                file.advance(result);
                http.touch();
                run(false); // the rest of the file, or on to the next step
            }
            case SPLICE_IN, SPLICE_OUT -> {
                if (result <= 0 || !splicer.moved(op, result)) {
                    close();
                    return;
                }
                http.touch();
                if (splicer.done()) {
                    uncork();
                    splicer.finish();
                    run(true);
                } else {
                    spliceNext();
                }
            }
            case WRITE_FILE -> {
                FileSink sink = http.fileSink();
                if (result > 0) {
                    sink.wrote(result);
                    if (sink.remaining() > 0) {
                        writeFile(sink); // a short write: the rest
                        return;
                    }
                } else {
                    sink.failed(UploadFile.error(result)); // the exchange answers it: 507 on a full disk
                }
                run(true);
            }
            case TIMEOUT -> run(false); // -ETIME: the delay elapsed; WAIT re-checks the clock
            default -> {
                // a cancellation's own completion: nothing to do
            }
        }
    }

    /**
     * Maps the version the exchange opened (its own channel, so it is the version the head describes, whatever an
     * upload renamed over the path since); false when zero-copy sends are off or the file cannot be mapped.
     */
    private boolean map(FileRegion file) {
        if (!zeroCopySend || file.fileSize() > Integer.MAX_VALUE) {
            return false;
        }
        try {
            mapping = MAPPINGS.map(file);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** The kernel refused the zero-copy send itself, not the peer: EINVAL, ENOMEM (memlock), EOPNOTSUPP, ENOBUFS. */
    private static boolean zeroCopyRefused(int result) {
        return result == -Libc.EINVAL
                || result == -Libc.ENOMEM
                || result == -Libc.EOPNOTSUPP
                || result == -Libc.ENOBUFS;
    }

    /**
     * An {@code IORING_OP_SEND_ZC} of the rest of the file straight from its mapping: the kernel sends the page cache
     * pages themselves, no copy through user space and no io-wq worker (a splice always takes one). The mapping stays
     * referenced until the send completes; by then the kernel holds its own references to the pages.
     */
    private void sendMapped(FileRegion file) {
        long address = MemorySegment.ofBuffer(mapping).address() + file.position();
        submit(SEND_MAPPED);
        Sqe.sendZeroCopy(loop.sqe(), fd, address, (int) Math.min(file.remaining(), 1 << 30), userData(SEND_MAPPED));
    }

    /** Reads the next chunk of the opened version into the (empty) output buffer; false on a read error or EOF. */
    private boolean copyFileChunk(FileRegion file) {
        try {
            out.limit((int) Math.min(out.capacity(), file.remaining()));
            int n = file.channel().read(out, file.position());
            if (n <= 0) {
                return false;
            }
            file.advance(n);
            return true;
        } catch (IOException e) {
            return false;
        } finally {
            out.limit(out.capacity());
        }
    }

    /**
     * pwrite(2) of upload bytes as an {@code IORING_OP_WRITE}: they sit in the input buffer, native memory of this
     * connection's arena, which no recv touches until the completion arrives.
     */
    private void writeFile(FileSink sink) {
        submit(WRITE_FILE);
        Sqe.write(
                loop.sqe(),
                sink.companion(UploadFile.class).fd(),
                inMemory.address() + sink.offset(),
                sink.remaining(),
                sink.position(),
                userData(WRITE_FILE));
    }

    /** Uncorking sends the last, partial segment of a file response now. */
    private void uncork() {
        if (corked) {
            corked = Libc.setsockopt(fd, UringSocket.IPPROTO_TCP, UringSocket.TCP_CORK, 0) != 0;
        }
    }

    private void spliceNext() {
        int op = splicer.nextOp();
        submit(op);
        splicer.prepare(loop.sqe(), userData(op));
    }

    private void submit(int op) { // op: documents which submission is counted
        inFlight++;
    }

    private long userData(int op) {
        return UringLoop.userData(slot, op);
    }

    /** Whether the peer has been silent too long (idle keep-alive, slowloris, a stalled body). */
    boolean expired(long now) {
        return !closing && http.expired(now);
    }

    /**
     * Closes the connection. Operations still in flight own the buffers, so the socket is shut down (their
     * completions arrive at once) and a pending timer cancelled; the memory is freed with the last completion.
     */
    void close() {
        if (closing) {
            return;
        }
        closing = true;
        if (inFlight > 0) {
            Libc.shutdown(fd, UringSocket.SHUT_RDWR);
            if (timerInFlight) {
                submit(CANCEL);
                Sqe.cancel(loop.sqe(), userData(TIMEOUT), userData(CANCEL));
            }
        }
        releaseWhenIdle();
    }

    private void releaseWhenIdle() {
        if (inFlight > 0 || released) {
            return;
        }
        released = true;
        http.close();
        splicer.close();
        Libc.close(fd);
        arena.close(); // no submission refers to this memory any more
        loop.released(slot);
    }

    boolean closing() {
        return closing;
    }

    /** The file region of the current response, for tests and diagnostics. */
    FileRegion file() {
        return http.file();
    }
}
