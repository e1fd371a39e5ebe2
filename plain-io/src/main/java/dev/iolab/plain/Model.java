package dev.iolab.plain;

import dev.iolab.contract.Target;
import dev.iolab.plain.aio.AioHttpServer;
import dev.iolab.plain.blocking.BlockingHttpServer;
import dev.iolab.plain.busypoll.BusyPollHttpServer;
import dev.iolab.plain.endpoints.ServerContext;
import dev.iolab.plain.epoll.EpollHttpServer;
import dev.iolab.plain.mmap.MmapHttpServer;
import dev.iolab.plain.poll.PollHttpServer;
import dev.iolab.plain.uring.UringHttpServer;
import java.util.Arrays;
import java.util.function.BiFunction;

/** The seven I/O models of plain-io, each with its target in the registry and its server. */
public enum Model {
    BLOCKING(Target.PLAIN_BLOCKING, BlockingHttpServer::new),
    POLL(Target.PLAIN_POLL, PollHttpServer::new),
    BUSYPOLL(Target.PLAIN_BUSYPOLL, BusyPollHttpServer::new),
    EPOLL(Target.PLAIN_EPOLL, EpollHttpServer::new),
    AIO(Target.PLAIN_AIO, AioHttpServer::new),
    MMAP(Target.PLAIN_MMAP, MmapHttpServer::new),
    URING(Target.PLAIN_URING, UringHttpServer::new);

    private final Target target;
    private final BiFunction<ServerContext, Integer, HttpServer> factory;

    Model(Target target, BiFunction<ServerContext, Integer, HttpServer> factory) {
        this.target = target;
        this.factory = factory;
    }

    public Target target() {
        return target;
    }

    /** A server of this model; {@code threads} 0 means the model's default. */
    public HttpServer newServer(ServerContext context, int threads) {
        return factory.apply(context, threads);
    }

    /** The model named by {@code --model} (the target's variant). */
    public static Model of(String variant) {
        return Arrays.stream(values())
                .filter(m -> m.target.variant().equals(variant))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown model " + variant
                        + " (expected one of blocking, poll, busypoll, epoll, aio, mmap, uring)"));
    }
}
