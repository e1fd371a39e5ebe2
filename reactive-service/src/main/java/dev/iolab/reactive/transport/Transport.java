package dev.iolab.reactive.transport;

import dev.iolab.contract.Target;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;

/**
 * The native Netty transport a webflux target runs on: readiness-based epoll(7) or completion-based io_uring.
 * Each knows whether its native library loaded on this machine, and why not.
 */
public enum Transport {

    /** Readiness-based: the event loop waits in epoll_wait(2), then reads and writes itself. */
    EPOLL("epoll", "io.netty.channel.epoll.EpollIoHandler") {
        @Override
        public boolean isAvailable() {
            return Epoll.isAvailable();
        }

        @Override
        public Throwable unavailabilityCause() {
            return Epoll.unavailabilityCause();
        }

        @Override
        public IoHandlerFactory ioHandlerFactory() {
            return EpollIoHandler.newFactory();
        }
    },

    /** Completion-based: the event loop submits reads/writes to the kernel's ring and reaps completions. */
    IO_URING("io_uring", "io.netty.channel.uring.IoUringIoHandler") {
        @Override
        public boolean isAvailable() {
            return IoUring.isAvailable();
        }

        @Override
        public Throwable unavailabilityCause() {
            return IoUring.unavailabilityCause();
        }

        @Override
        public IoHandlerFactory ioHandlerFactory() {
            return IoUringIoHandler.newFactory();
        }
    };

    private final String id;
    private final String ioHandlerClass;

    Transport(String id, String ioHandlerClass) {
        this.id = id;
        this.ioHandlerClass = ioHandlerClass;
    }

    /** The name Reactor Netty itself uses for this transport, and so the middle of its thread names. */
    public String id() {
        return id;
    }

    /** The Netty {@code IoHandler} that drives each event loop of this transport. */
    public String ioHandlerClass() {
        return ioHandlerClass;
    }

    /** Event-loop thread prefix, as Reactor Netty names its own: {@code reactor-http-epoll}, {@code reactor-http-io_uring}. */
    public String threadPrefix() {
        return "reactor-http-" + id;
    }

    /** True when the native library loaded and the kernel supports the transport. */
    public abstract boolean isAvailable();

    /** Why the transport is unavailable (null when available). */
    public abstract Throwable unavailabilityCause();

    /** A factory of the per-event-loop I/O handler for Netty 4.2's {@code MultiThreadIoEventLoopGroup}. */
    public abstract IoHandlerFactory ioHandlerFactory();

    /** The transport a reactive-service target names: its variant is the Spring profile that selects it. */
    public static Transport of(Target target) {
        return switch (target) {
            case WEBFLUX_EPOLL -> EPOLL;
            case WEBFLUX_IOURING -> IO_URING;
            default -> throw new IllegalArgumentException(target.id() + " is not a reactive-service target");
        };
    }
}
