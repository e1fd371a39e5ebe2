package dev.iolab.plain.aio;

import dev.iolab.plain.endpoints.FileRegion;
import dev.iolab.plain.endpoints.FileSink;
import java.nio.channels.AsynchronousSocketChannel;

/**
 * How an asynchronous connection moves file bytes: to the socket by asynchronous file reads (aio) or a mapping
 * (mmap), and upload bytes to their file.
 */
public interface FileSender {

    /**
     * Sends the whole region, advancing it, then calls {@code done.run()} or {@code failed.accept(error)}; a socket
     * write that cannot complete within {@code stallNanos} (the client stopped reading) fails.
     */
    void send(
            FileRegion region,
            AsynchronousSocketChannel socket,
            long stallNanos,
            Runnable done,
            java.util.function.Consumer<Throwable> failed);

    /**
     * Writes all of {@code sink}'s bytes to its file, reporting progress or the failure on the sink, then calls
     * {@code done.run()}, which continues the exchange.
     */
    void write(FileSink sink, Runnable done);

    /** A name for logs and the {@code iolab_io_info} metric. */
    String describe();
}
