package dev.iolab.plain.endpoints;

import dev.iolab.plain.http.HttpRequestDecoder;
import dev.iolab.plain.http.RequestHead;
import dev.iolab.plain.http.ResponseWriter;
import java.nio.ByteBuffer;

/**
 * The HTTP side of one connection as a state machine that never touches a socket ("sans I/O"): the
 * transport feeds it input bytes and an output buffer, and it answers with the one thing it waits for.
 * Every I/O model is then just a different way of doing those steps.
 *
 * <p>The transport loop, in every model: call {@link #advance}; then first write out whatever the output
 * buffer holds, and then do the step: {@code READ} more input, {@code WRITE} (just the flush),
 * {@code SEND_FILE} the bytes of {@link #file()}, {@code WRITE_FILE} the upload bytes of {@link #fileSink()} (or
 * report the failure there), {@code WAIT} until {@link #wakeAtNanos()}, or
 * {@code CLOSE} the connection. Repeat.
 */
public final class HttpConnection {

    /** What the connection waits for. */
    public enum Step {
        READ,
        WRITE,
        SEND_FILE,
        WRITE_FILE,
        WAIT,
        CLOSE
    }

    private final ServerContext context;
    private final HttpRequestDecoder decoder = new HttpRequestDecoder();
    private final FileRegion file = new FileRegion();
    private final FileSink sink = new FileSink();
    private Exchange exchange;
    /** Allocated on first use, then reused by every request on the connection (see {@link #holdBuffer}). */
    private ByteBuffer hold;

    private long exchangeStart;
    private long lastActivity = System.nanoTime();
    private long headStart;
    private long wakeAt;
    private boolean closed;
    /** The transport closed it (counted once, though a transport may call {@link #close} again). */
    private boolean released;

    /** A connection the transport just accepted: counted as open until {@link #close}. */
    public HttpConnection(ServerContext context) {
        this.context = context;
        if (!context.management()) { // probes and scrapes on the management port are not the model's connections
            context.metrics().connectionOpened();
        }
    }

    /** Runs the connection until it has to wait for the transport. {@code in} is in read mode, {@code out} in write mode. */
    public Step advance(ByteBuffer in, ByteBuffer out) {
        long now = System.nanoTime();
        lastActivity = now;
        while (!closed) {
            if (exchange != null) {
                Step step = exchange.advance(in, out);
                if (step != null) {
                    if (step == Step.CLOSE) {
                        finishExchange(now);
                        closed = true;
                    }
                    return step;
                }
                boolean keepAlive = exchange.keepAlive;
                finishExchange(System.nanoTime());
                if (!keepAlive) {
                    closed = true;
                    break;
                }
                continue;
            }
            if (out.remaining() < ResponseWriter.MAX_HEAD_BYTES) {
                return Step.WRITE; // flush earlier (pipelined) responses before starting another
            }
            boolean wasIdle = decoder.idle();
            HttpRequestDecoder.Event event = decoder.next(in);
            if (wasIdle && !decoder.idle()) {
                headStart = now;
            }
            switch (event) {
                case NEED_MORE -> {
                    return Step.READ;
                }
                case HEAD -> {
                    context.requestStarted();
                    exchangeStart = now;
                    exchange = Router.route(this);
                }
                case ERROR -> {
                    // RFC 9112: a malformed request leaves the framing unknown: answer and close.
                    context.requestStarted();
                    exchangeStart = now;
                    exchange = FixedExchange.status(this, null, decoder.errorStatus())
                            .closing();
                }
                default -> throw new IllegalStateException("unexpected " + event);
            }
        }
        return Step.CLOSE;
    }

    private void finishExchange(long now) {
        Exchange done = exchange;
        exchange = null;
        done.release();
        context.requestFinished();
        if (done.uri != null && done.status != 0) {
            context.metrics().record(done.method, done.uri, done.status, now - exchangeStart);
        }
    }

    /** The file bytes to send after a {@code SEND_FILE} step. */
    public FileRegion file() {
        return file;
    }

    /** The request body bytes to write to a file after a {@code WRITE_FILE} step. */
    public FileSink fileSink() {
        return sink;
    }

    /** When a {@code WAIT} step ends (System.nanoTime). */
    public long wakeAtNanos() {
        return wakeAt;
    }

    void waitUntil(long nanoTime) {
        wakeAt = nanoTime;
    }

    /** Whether the peer has been silent too long: idle keep-alive, a slow request head (slowloris), a stalled body. */
    public boolean expired(long now) {
        if (exchange == null) {
            return decoder.idle()
                    ? now - lastActivity > context.keepAliveTimeoutNanos()
                    : now - headStart > context.headerTimeoutNanos();
        }
        return !(exchange instanceof DelayHandler.DelayExchange)
                && now - lastActivity > context.keepAliveTimeoutNanos();
    }

    /** Milliseconds a blocking read may wait before {@link #expired} would be true (at least 1). */
    public long readTimeoutMillis(long now) {
        long deadline = exchange == null && !decoder.idle()
                ? headStart + context.headerTimeoutNanos()
                : lastActivity + context.keepAliveTimeoutNanos();
        return Math.max(1, (deadline - now) / 1_000_000);
    }

    /** The transport made progress (bytes written): the connection is not idle. */
    public void touch() {
        lastActivity = System.nanoTime();
    }

    /** True when the connection sits between requests with nothing half-received. */
    public boolean idle() {
        return exchange == null && decoder.idle();
    }

    /** Releases what the current exchange holds; call once when the transport closes the connection. */
    public void close() {
        closed = true;
        if (!released) {
            released = true;
            if (!context.management()) {
                context.metrics().connectionClosed();
            }
        }
        if (exchange != null) {
            Exchange e = exchange;
            exchange = null;
            e.release();
            context.requestFinished();
        }
    }

    /** A per-connection buffer of {@code capacity} bytes, cleared, for bytes an exchange holds back briefly. */
    ByteBuffer holdBuffer(int capacity) {
        if (hold == null || hold.capacity() != capacity) {
            hold = ByteBuffer.allocate(capacity);
        }
        return hold.clear();
    }

    RequestHead head() {
        return decoder.head();
    }

    HttpRequestDecoder decoder() {
        return decoder;
    }

    ServerContext context() {
        return context;
    }
}
