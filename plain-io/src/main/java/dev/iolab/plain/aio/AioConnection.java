package dev.iolab.plain.aio;

import dev.iolab.plain.endpoints.HttpConnection;
import dev.iolab.plain.endpoints.HttpConnection.Step;
import dev.iolab.plain.endpoints.LoopActivity;
import dev.iolab.plain.endpoints.ServerContext;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One connection of the asynchronous model: no thread waits for it. Each step starts an operation and
 * leaves; the kernel-readiness machinery (emulated by the JDK) calls a completion handler later, which
 * runs the next step. The chain read -> advance -> write -> read... is the whole connection.
 */
final class AioConnection {

    private static final int IN_BYTES = 16 * 1024;
    private static final int OUT_BYTES = 32 * 1024;

    private final AsynchronousSocketChannel channel;
    private final HttpConnection http;
    private final FileSender files;
    /** How long a write may wait for the client to take a byte: the contract's longest silence. */
    private final long stallNanos;

    private final ScheduledExecutorService timer;
    private final LoopActivity activity;
    private final ByteBuffer in = ByteBuffer.allocateDirect(IN_BYTES).flip();
    private final ByteBuffer out = ByteBuffer.allocateDirect(OUT_BYTES);
    private Step pending;

    private final CompletionHandler<Integer, Void> onRead = new CompletionHandler<>() {
        @Override
        public void completed(Integer n, Void a) {
            activity.woke(n > 0 ? 1 : 0);
            in.flip();
            if (n < 0) {
                close();
            } else {
                step();
            }
        }

        @Override
        public void failed(Throwable e, Void a) {
            activity.woke(0);
            close(); // includes InterruptedByTimeoutException: idle keep-alive or slowloris
        }
    };

    private final CompletionHandler<Integer, Void> onWrite = new CompletionHandler<>() {
        @Override
        public void completed(Integer n, Void a) {
            activity.woke(n > 0 ? 1 : 0);
            if (out.hasRemaining()) {
                channel.write(out, stallNanos, TimeUnit.NANOSECONDS, null, this);
                return;
            }
            out.clear();
            http.touch();
            doPending();
        }

        @Override
        public void failed(Throwable e, Void a) {
            activity.woke(0);
            close();
        }
    };

    AioConnection(
            AsynchronousSocketChannel channel,
            ServerContext context,
            FileSender files,
            ScheduledExecutorService timer,
            LoopActivity activity) {
        this.channel = channel;
        this.activity = activity;
        this.http = new HttpConnection(context);
        this.stallNanos = context.keepAliveTimeoutNanos();
        this.files = files;
        this.timer = timer;
    }

    void start() {
        pending = Step.READ;
        doPending();
    }

    /** Runs the HTTP state machine, then writes what it produced, then does what it asked for. */
    private void step() {
        pending = http.advance(in, out);
        if (out.position() > 0) {
            out.flip();
            // continues in onWrite, then doPending(); a client that stops reading fails the write (and closes) after
            // the contract's longest silence, as a silent reader times out the read
            channel.write(out, stallNanos, TimeUnit.NANOSECONDS, null, onWrite);
        } else {
            doPending();
        }
    }

    private void doPending() {
        switch (pending) {
            case READ -> {
                in.compact();
                long timeout = http.readTimeoutMillis(System.nanoTime());
                channel.read(in, timeout, TimeUnit.MILLISECONDS, null, onRead);
            }
            case WRITE -> step();
            case SEND_FILE -> files.send(http.file(), channel, stallNanos, this::step, e -> close());
            case WRITE_FILE -> files.write(http.fileSink(), this::step); // an upload's bytes, then on
            case WAIT ->
                timer.schedule(this::step, Math.max(0, http.wakeAtNanos() - System.nanoTime()), TimeUnit.NANOSECONDS);
            case CLOSE -> close();
        }
    }

    void close() {
        http.close();
        try {
            channel.close();
        } catch (IOException ignored) {
            // already gone
        }
    }
}
