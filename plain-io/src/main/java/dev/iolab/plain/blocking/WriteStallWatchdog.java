package dev.iolab.plain.blocking;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Closes a blocking connection whose write(2) has been blocked for longer than the contract's longest silence. The
 * blocking model has no write timeout of its own ({@code SO_TIMEOUT} bounds reads only), so a client that stops
 * reading would hold its thread and socket forever; closing the socket from here ends the blocked write with an
 * error, as the read timeout ends a silent read. One thread for the whole server, reading a timestamp per connection.
 */
final class WriteStallWatchdog implements AutoCloseable {

    private final Set<BlockingConnection> connections = ConcurrentHashMap.newKeySet();
    private final long stallNanos;
    private final Thread thread;
    private volatile boolean closed;

    WriteStallWatchdog(long stallNanos, String name) {
        this.stallNanos = stallNanos;
        this.thread = Thread.ofPlatform().daemon().name(name).start(this::watch);
    }

    void add(BlockingConnection connection) {
        connections.add(connection);
    }

    void remove(BlockingConnection connection) {
        connections.remove(connection);
    }

    private void watch() {
        // checks four times per stall time, at most once a second: a close comes at most a quarter late
        long period = Math.max(1, Math.min(TimeUnit.SECONDS.toNanos(1), stallNanos / 4));
        while (!closed) {
            try {
                TimeUnit.NANOSECONDS.sleep(period);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (BlockingConnection connection : connections) {
                if (connection.writeBlockedFor(now) > stallNanos) {
                    connection.abort();
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
