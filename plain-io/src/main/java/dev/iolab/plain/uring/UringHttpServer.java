package dev.iolab.plain.uring;

import dev.iolab.contract.Limits;
import dev.iolab.plain.HttpServer;
import dev.iolab.plain.endpoints.ServerContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The completion model on io_uring(7), without a framework or native library of its own: N loop threads, each
 * with its own ring, accept on one listening socket and drive their connections by completions; the kernel does
 * the whole operation (receive, send, splice a file, time a delay) and only then reports.
 */
public final class UringHttpServer implements HttpServer {

    private final ServerContext context;
    private final int loopCount;
    private final List<UringLoop> loops = new ArrayList<>();
    private final AtomicBoolean accepting = new AtomicBoolean(true);
    private final AtomicInteger running = new AtomicInteger();
    private volatile int listenFd = -1;
    private String implementation = "io_uring";

    public UringHttpServer(ServerContext context, int threads) {
        // upload bytes go out as IORING_OP_WRITE on a descriptor of their own, which each upload opens
        this.context = context.withFiles(false, UploadFile::open);
        this.loopCount = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    @Override
    public int start(int port) {
        listenFd = UringSocket.listen(port, Limits.ACCEPT_BACKLOG);
        running.set(loopCount);
        for (int i = 0; i < loopCount; i++) {
            String name = "uring-loop-" + i;
            UringLoop loop = new UringLoop(this, context, name);
            loops.add(loop);
            Thread.ofPlatform().name(name).start(loop);
        }
        try {
            for (UringLoop loop : loops) {
                implementation = loop.started().join();
            }
        } catch (CompletionException e) {
            close();
            if (e.getCause() instanceof UringException u && u.refused()) {
                throw new IllegalStateException("the kernel refuses io_uring: " + u.getMessage(), u);
            }
            throw new IllegalStateException(
                    "io_uring setup failed: " + e.getCause().getMessage(), e.getCause());
        }
        System.out.println("uring: " + loopCount + " loops on " + implementation);
        return UringSocket.port(listenFd);
    }

    @Override
    public String ioImplementation() {
        return implementation;
    }

    boolean accepting() {
        return accepting.get();
    }

    int listenFd() {
        return listenFd;
    }

    /**
     * Shuts the listening socket down: new connections are refused at once and every pending accept completes
     * with an error. The descriptor itself is closed by the last loop to exit, so no loop can submit an accept
     * on a descriptor number that was closed and reused.
     */
    @Override
    public void stopAccepting() {
        if (accepting.compareAndSet(true, false) && listenFd >= 0) {
            Libc.shutdown(listenFd, UringSocket.SHUT_RDWR);
        }
    }

    @Override
    public void close() {
        stopAccepting();
        loops.forEach(UringLoop::close);
        if (running.get() == 0) {
            closeListener();
        }
    }

    void loopExited() {
        if (running.decrementAndGet() == 0) {
            closeListener();
        }
    }

    private synchronized void closeListener() {
        if (listenFd >= 0) {
            Libc.close(listenFd);
            listenFd = -1;
        }
    }
}
