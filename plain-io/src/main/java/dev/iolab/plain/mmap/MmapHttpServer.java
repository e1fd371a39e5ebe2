package dev.iolab.plain.mmap;

import dev.iolab.plain.aio.AioHttpServer;
import dev.iolab.plain.endpoints.ServerContext;

/**
 * Model 5 with memory-mapped files ("full async 2"): the asynchronous sockets of {@link AioHttpServer},
 * with file bodies written from {@code MappedByteBuffer} slices instead of read into buffers first.
 */
public final class MmapHttpServer extends AioHttpServer {

    public MmapHttpServer(ServerContext context, int threads) {
        super(context, threads, new MappedFileSender());
    }
}
