package dev.iolab.plain.aio;

import dev.iolab.plain.endpoints.FileRegion;
import java.nio.channels.AsynchronousSocketChannel;

/** How an asynchronous connection moves file bytes to the socket: asynchronous file reads (aio) or a mapping (mmap). */
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

    /** A name for logs and the {@code iolab_io_info} metric. */
    String describe();
}
