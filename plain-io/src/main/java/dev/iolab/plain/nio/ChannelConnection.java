package dev.iolab.plain.nio;

import dev.iolab.plain.endpoints.FileRegion;
import dev.iolab.plain.endpoints.HttpConnection;
import dev.iolab.plain.endpoints.HttpConnection.Step;
import dev.iolab.plain.endpoints.ServerContext;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * One connection on a non-blocking {@link SocketChannel}, shared by the models that poll for readiness
 * (poll, busypoll, epoll): it does as much as it can without blocking and reports what it waits for,
 * which the model turns into selector interest (or, for busypoll, into trying again later).
 * Files go out with {@code FileChannel.transferTo}, which is sendfile(2) on Linux: no copy through user space,
 * under TCP_CORK ({@link TcpCork}) from the head to the last byte, like nginx's {@code sendfile on; tcp_nopush on}.
 * Upload bytes go to their file with a plain write(2) on the same thread: readiness APIs say nothing about disk
 * files (poll(2) and epoll report a regular file always ready, epoll_ctl(2) even refuses one with EPERM), so the
 * write simply runs, and blocks for as long as the page cache or the disk takes.
 */
public final class ChannelConnection {

    /** What the connection waits for before {@link #drive} can make progress again. */
    public enum Wait {
        READABLE,
        WRITABLE,
        TIMER,
        CLOSED
    }

    private static final int IN_BYTES = 16 * 1024;
    private static final int OUT_BYTES = 32 * 1024;
    /** Reads per call before yielding to other connections (fairness under a large upload or echo). */
    private static final int READ_BUDGET = 16;

    private final SocketChannel channel;
    private final HttpConnection http;
    private final ByteBuffer in = ByteBuffer.allocateDirect(IN_BYTES).flip();
    private final ByteBuffer out = ByteBuffer.allocateDirect(OUT_BYTES);
    private Step pending = Step.READ;
    /** TCP_CORK is set: a file response is on its way out. */
    private boolean corked;

    private boolean closed;

    public ChannelConnection(SocketChannel channel, ServerContext context) throws IOException {
        this.channel = channel;
        channel.configureBlocking(false);
        channel.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
        // last: a channel that failed the settings above is closed by the caller and never counted as open
        this.http = new HttpConnection(context);
    }

    public SocketChannel channel() {
        return channel;
    }

    public HttpConnection http() {
        return http;
    }

    /**
     * Makes all the progress possible now. {@code readable} says whether the caller believes input may be
     * waiting (a readiness event, or busypoll trying anyway); when false a read is not even attempted.
     */
    public Wait drive(boolean readable) {
        if (closed) {
            return Wait.CLOSED;
        }
        try {
            int reads = 0;
            while (true) {
                // Cork before a file response's head leaves: uncorked, the head went out alone and the body as
                // sendfile(2) pushed it, which cost the client twice the kernel CPU per 1 MiB (docs/performance.md).
                if (pending == Step.SEND_FILE && !corked) {
                    corked = TcpCork.set(channel, true);
                }
                // Pending output first: a response is written before anything else happens.
                if (out.position() > 0) {
                    out.flip();
                    channel.write(out);
                    boolean drained = !out.hasRemaining();
                    out.compact();
                    if (!drained) {
                        return Wait.WRITABLE; // and not READABLE: stop reading while the peer does not read
                    }
                    http.touch();
                }
                switch (pending) {
                    case READ -> {
                        if (!readable || reads == READ_BUDGET) {
                            return Wait.READABLE;
                        }
                        in.compact();
                        int n = channel.read(in);
                        in.flip();
                        reads++;
                        if (n < 0) {
                            return close();
                        }
                        if (n == 0) {
                            return Wait.READABLE;
                        }
                        // A read that did not fill the buffer most likely emptied the socket: skip the next
                        // read(2), which would only say EAGAIN, and let the selector tell when more arrives.
                        readable = in.limit() == in.capacity();
                    }
                    case SEND_FILE -> {
                        FileRegion region = http.file();
                        long n = region.channel().transferTo(region.position(), region.remaining(), channel);
                        region.advance(n);
                        if (region.remaining() > 0) {
                            return Wait.WRITABLE;
                        }
                        if (corked) {
                            corked = !TcpCork.set(channel, false); // sends the last, partial segment now
                        }
                        http.touch();
                    }
                    case WRITE_FILE -> http.fileSink().writeOnThisThread(); // a failure: the exchange answers it
                    case WAIT -> {
                        if (System.nanoTime() - http.wakeAtNanos() < 0) {
                            return Wait.TIMER;
                        }
                    }
                    case CLOSE -> {
                        return close();
                    }
                    case WRITE -> {
                        // the flush above was the step
                    }
                }
                pending = http.advance(in, out);
            }
        } catch (IOException e) {
            return close();
        }
    }

    /** When a {@code TIMER} wait ends (System.nanoTime). */
    public long wakeAtNanos() {
        return http.wakeAtNanos();
    }

    public boolean expired(long now) {
        return http.expired(now);
    }

    public Wait close() {
        if (!closed) {
            closed = true;
            http.close();
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
        return Wait.CLOSED;
    }

    public boolean isClosed() {
        return closed;
    }
}
