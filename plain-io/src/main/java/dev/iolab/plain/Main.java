package dev.iolab.plain;

import dev.iolab.contract.Fixtures;
import dev.iolab.contract.Limits;
import dev.iolab.contract.UploadTemporaries;
import dev.iolab.plain.endpoints.Metrics;
import dev.iolab.plain.endpoints.ServerContext;
import java.io.IOException;

/** Starts one plain-io model from the command line and drains it gracefully on SIGTERM. */
public final class Main {

    private static final long MIN_DRAIN_NANOS = 1_000_000_000L;
    /**
     * How long the last responses get to leave after the in-flight count reached zero: an exchange is done
     * when its bytes are in the connection's output buffer, and an aio write may still be pending on a group
     * thread then; closing the group at once cut such responses off (seen in the shutdown conformance rule).
     */
    private static final long FLUSH_GRACE_MILLIS = 500;

    private Main() {}

    public static void main(String[] args) {
        ServerConfig config;
        try {
            config = ServerConfig.parse(dev.iolab.contract.ContainerTarget.arguments(args));
        } catch (ServerConfig.HelpRequested help) {
            System.out.print(ServerConfig.USAGE);
            return;
        } catch (IllegalArgumentException e) {
            System.err.println("plain-io: " + e.getMessage());
            System.err.print(ServerConfig.USAGE);
            System.exit(2);
            return;
        }
        // Uploads a killed process left half-written: hidden already, deleted before this one serves.
        UploadTemporaries.deleteLeftovers(config.dataDir());
        Fixtures.createIfEmpty(config.dataDir());
        String id = config.model().target().id();
        ServerContext context =
                new ServerContext(id, config.dataDir(), config.headerTimeout(), config.idleTimeout(), new Metrics(id));
        HttpServer server = config.model().newServer(context, config.threads());
        ManagementServer management = new ManagementServer(context);
        int port;
        int managementPort;
        try {
            port = server.start(config.port());
            managementPort = management.start(config.managementPort());
        } catch (IOException | IllegalStateException e) {
            System.err.println("plain-io: " + id + " refuses to start: " + e.getMessage());
            server.close();
            management.close();
            System.exit(1);
            return;
        }
        context.metrics()
                .ioInfo(
                        server.ioImplementation().startsWith("sun.nio.ch.")
                                        && server.ioImplementation().endsWith("SelectorImpl")
                                ? "selector"
                                : "channel",
                        server.ioImplementation());
        System.out.printf(
                "plain-io %s (%s) listening on port %d (management %d), I/O implementation %s, data dir %s%n",
                id,
                config.model().target().model(),
                port,
                managementPort,
                server.ioImplementation(),
                config.dataDir().toAbsolutePath());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drain(context, server, management), "shutdown"));
    }

    /**
     * SIGTERM: readiness 503 (on both ports), stop accepting, let in-flight requests finish (bounded), then exit 0.
     * The management port keeps answering (readiness 503) until the very end, so a probe sees the drain.
     */
    static void drain(ServerContext context, HttpServer server, ManagementServer management) {
        context.startDraining();
        server.stopAccepting();
        long start = System.nanoTime();
        long deadline = start + Limits.SHUTDOWN_GRACE.toNanos();
        // Wait at least a moment even when nothing is in flight: a request accepted just before the listener
        // closed may not have been read yet, and it deserves its answer too.
        long settle = start + MIN_DRAIN_NANOS;
        while ((context.inFlight() > 0 || System.nanoTime() < settle) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        try {
            Thread.sleep(FLUSH_GRACE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.close();
        management.close();
        System.out.println("plain-io: drained, exiting");
        System.out.flush();
        // The JVM would exit 143 after a SIGTERM; the contract wants 0 after a clean drain.
        Runtime.getRuntime().halt(0);
    }
}
