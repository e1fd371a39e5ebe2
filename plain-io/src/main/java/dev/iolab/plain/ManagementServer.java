package dev.iolab.plain;

import dev.iolab.plain.blocking.BlockingHttpServer;
import dev.iolab.plain.endpoints.ServerContext;
import java.io.IOException;

/**
 * The management port of every plain-io model: health and metrics on an acceptor and connection threads of their
 * own (model 1, a platform thread per connection), so no flood of the service port, whatever its model, can keep
 * a probe waiting; it shares the service's metrics and readiness, and stops last.
 */
final class ManagementServer implements AutoCloseable {

    /** Probes and scrapes, not load: a few connections; more wait in the kernel backlog. */
    static final int MAX_CONNECTIONS = 32;

    private final BlockingHttpServer server;

    ManagementServer(ServerContext service) {
        this.server = new BlockingHttpServer(service.forManagement(), MAX_CONNECTIONS, "management");
    }

    /** Binds {@code port} (0: any) and returns the bound port. */
    int start(int port) throws IOException {
        return server.start(port);
    }

    @Override
    public void close() {
        server.close();
    }
}
