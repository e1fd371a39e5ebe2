package dev.iolab.management;

import dev.iolab.contract.Endpoints;
import dev.iolab.contract.Target;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

/**
 * The management port: a second Reactor Netty server with an event loop of its own that serves the application's
 * own {@link HttpHandler} for health and metrics only, so nothing the service port's loops are busy with can keep
 * a probe waiting; it stops after the service port, so readiness answers 503 there throughout the graceful drain.
 *
 * <p>Why not Boot's {@code management.server.port}: Boot then serves the actuator endpoints on that port only (a
 * child context), and the contract (the conformance suite, {@code ./iolab compare}) reads them on the service port.
 * The server customizers (the contract's headers and limits) apply here as on the service port.
 */
public final class ManagementServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ManagementServer.class);
    static final Set<String> PATHS =
            Set.of(Endpoints.HEALTH, Endpoints.LIVENESS, Endpoints.READINESS, Endpoints.PROMETHEUS);
    /** Stops after Boot's web server (graceful drain, then stop), starts before it: see the class comment. */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private final HttpHandler handler;
    private final List<NettyServerCustomizer> customizers;
    private final LoopResources loops;
    private final int port;
    private volatile DisposableServer server;

    public ManagementServer(
            HttpHandler handler, List<NettyServerCustomizer> customizers, LoopResources loops, int port) {
        this.handler = handler;
        this.customizers = customizers;
        this.loops = loops;
        this.port = port;
    }

    /** {@value Target#MANAGEMENT_PORT_PROPERTY}, else {@link Target#managementPortFor} the service port. */
    public static int port(Environment environment, int defaultServicePort) {
        Integer configured = environment.getProperty(Target.MANAGEMENT_PORT_PROPERTY, Integer.class);
        return configured != null
                ? configured
                : Target.managementPortFor(environment.getProperty("server.port", Integer.class, defaultServicePort));
    }

    @Override
    public void start() {
        HttpServer http = HttpServer.create().port(port).runOn(loops);
        for (NettyServerCustomizer customizer : customizers) {
            http = customizer.apply(http);
        }
        ReactorHttpHandlerAdapter adapter = new ReactorHttpHandlerAdapter((request, response) -> {
            if (!PATHS.contains(request.getPath().value())) {
                // health and metrics only: the service's endpoints must not reach the threads kept free of them
                response.setStatusCode(HttpStatus.NOT_FOUND);
                return response.setComplete();
            }
            return handler.handle(request, response);
        });
        server = http.handle(adapter).bindNow();
        log.info("Management port {}: health and metrics on event loops of their own", server.port());
    }

    @Override
    public void stop() {
        DisposableServer bound = server;
        if (bound != null) {
            bound.disposeNow();
            server = null;
        }
        loops.dispose();
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /** The bound port (for tests), or -1 before start. */
    public int boundPort() {
        DisposableServer bound = server;
        return bound == null ? -1 : bound.port();
    }
}
